// Invalidation by what changed: a report on one cluster refreshes that cluster's page and
// API record and every aggregate (lists, overview, districts), and leaves every other
// cluster's cached answers as they were, on this instance at once and on another within
// pages.changeCheckSeconds.
#include "net/app/change_watcher.h"
#include "net/office/office_helpers.h"
#include "persistence/audit_repository.h"
#include "support/http_client.h"
#include "support/office_client.h"
#include "support/running_server.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <optional>
#include <soci/soci.h>
#include <thread>

using namespace tracker;
using namespace tracker::testing;

namespace
{
const std::vector<std::string> kWatched{"/clusters/huu-bang",
                                        "/api/v1/clusters/huu-bang",
                                        "/clusters/cau-bau-gd-2",
                                        "/api/v1/clusters/cau-bau-gd-2",
                                        "/clusters",
                                        "/",
                                        "/api/v1/clusters",
                                        "/districts/thach-that"};

std::map<std::string, std::string> etags(int port)
{
    std::map<std::string, std::string> found;
    for (const auto& path : kWatched)
    {
        const auto answer = httpGet(port, path);
        REQUIRE(answer.status == 200);
        found[path] = answer.etag;
    }
    return found;
}

std::string reportFor(RunningServer& running, const std::string& date)
{
    const auto item = huuBang(running).items.front().id;
    return "{\"date\":\"" + date + "\",\"items\":[{\"work_item\":" + std::to_string(item) +
           ",\"percent\":77}],\"confirm\":\"1\",\"confirm_reason\":\"dữ liệu "
           "thử\",\"disbursed_vnd\":950000000}";
}

void expectOnlyHuuBangAndAggregatesChanged(const std::map<std::string, std::string>& before,
                                           const std::map<std::string, std::string>& after)
{
    for (const auto& path : kWatched)
    {
        INFO(path);
        if (path.find("cau-bau-gd-2") != std::string::npos)
            CHECK(after.at(path) == before.at(path)); // the same cached answer
        else
            CHECK(after.at(path) != before.at(path));
    }
}
} // namespace

TEST_CASE("a write to one cluster refreshes its answers and the aggregates, no other cluster's",
          "[net][cache][db]")
{
    RunningServer running;
    const auto official = createPerson(running, "city@example.vn", Role::CityOfficial);
    const auto before = etags(running.port());
    const auto rendersBefore = running.server->cache().stats().renders;
    REQUIRE(sendJson(running.port(), official, "POST", "/api/v1/clusters/huu-bang/reports",
                     reportFor(running, "2026-11-26"))
                .status == 201);

    // The writer sees the change on its next request: no wait for any check.
    const auto own = httpGet(running.port(), "/api/v1/clusters/huu-bang").json();
    CHECK(own->getValue<std::string>("last_report_date") == "2026-11-26");
    const auto untouchedBefore = running.server->cache().stats().renders;
    httpGet(running.port(), "/clusters/cau-bau-gd-2");
    httpGet(running.port(), "/api/v1/clusters/cau-bau-gd-2");
    CHECK(running.server->cache().stats().renders == untouchedBefore); // served, not rendered
    const auto after = etags(running.port());
    expectOnlyHuuBangAndAggregatesChanged(before, after);
    // huu-bang's page and API record (one already rendered above), the list, the
    // overview, the API list and the district: six renders.
    CHECK(running.server->cache().stats().renders - rendersBefore == 6);
}

TEST_CASE("another instance refreshes the same answers from the audit log, and only those",
          "[net][cache][db]")
{
    RunningServer running("demo", [](net::ServerSettings& s) { s.changeCheckSeconds = 1; });
    auto other = running.anotherInstance();
    const auto official = createPerson(running, "city@example.vn", Role::CityOfficial);
    // A new account names no cluster, so it makes everything stale: let the other
    // instance see it before the answers are compared.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    const auto before = etags(other->port());
    REQUIRE(sendJson(running.port(), official, "POST", "/api/v1/clusters/huu-bang/reports",
                     reportFor(running, "2026-11-27"))
                .status == 201);
    const auto written = std::chrono::steady_clock::now();
    std::string seen;
    while (seen != "2026-11-27" &&
           std::chrono::steady_clock::now() - written < std::chrono::seconds(5))
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        seen = httpGet(other->port(), "/api/v1/clusters/huu-bang")
                   .json()
                   ->getValue<std::string>("last_report_date");
    }
    CHECK(seen == "2026-11-27");
    CHECK(std::chrono::steady_clock::now() - written < std::chrono::milliseconds(2500));
    expectOnlyHuuBangAndAggregatesChanged(before, etags(other->port()));
}

TEST_CASE("the change watcher names changed clusters, late commits included", "[net][cache][db]")
{
    RunningServer running;
    auto& database = running.storage.database();
    std::vector<std::string> named;
    int everything = 0;
    net::ChangeWatcher watcher(database, 3600,
                               {[&] { ++everything; }, [&](const std::vector<std::string>& codes)
                                { named.insert(named.end(), codes.begin(), codes.end()); }});
    watcher.check(); // the first look only notes where the log stands
    const auto latest = persistence::latestAuditId(database);
    const auto huuBangId = huuBang(running).cluster.id;
    const auto audit = [&](long long id, std::optional<long long> cluster)
    {
        database.withSession(
            [&](soci::session& session)
            {
                soci::indicator known = cluster ? soci::i_ok : soci::i_null;
                long long clusterId = cluster.value_or(0);
                session << "INSERT INTO audit_log (id, at, actor, address, entity, entity_id, "
                           "cluster_id, action, changes) VALUES (:i, '2026-11-27T09:00:00+07:00', "
                           "'t', '127.0.0.1', 'progress_report', 1, :c, 'create', '{}')",
                    soci::use(id), soci::use(clusterId, known);
            });
    };
    audit(latest + 50, huuBangId);
    watcher.check();
    CHECK(named == std::vector<std::string>{"huu-bang"});
    CHECK(everything == 0);
    named.clear();
    watcher.check(); // nothing new
    CHECK(named.empty());
    audit(latest + 20, huuBangId); // an id handed out earlier, committed later
    watcher.check();
    CHECK(named == std::vector<std::string>{"huu-bang"});
    audit(latest + 60, std::nullopt); // names no cluster
    watcher.check();
    CHECK(everything == 1);
}

TEST_CASE("the change watcher does not take what was in the log before it started for changes",
          "[net][cache][db]")
{
    RunningServer running;
    // Written before the watcher's first look: an account (no cluster) and a report.
    createPerson(running, "truoc@example.vn", Role::CityOfficial);
    auto& database = running.storage.database();
    REQUIRE(persistence::latestAuditId(database) > 0);
    std::vector<std::string> named;
    int everything = 0;
    net::ChangeWatcher watcher(database, 3600,
                               {[&] { ++everything; }, [&](const std::vector<std::string>& codes)
                                { named.insert(named.end(), codes.begin(), codes.end()); }});
    watcher.check();
    watcher.check(); // the second look goes back over the same entries: none is new
    watcher.check();
    CHECK(everything == 0);
    CHECK(named.empty());
}

namespace
{
long long summaryLoads(int port, const std::string& kind)
{
    const auto metrics = httpGet(port, "/metrics").body;
    const std::string name = "tracker_cluster_figure_loads_total{kind=\"" + kind + "\"} ";
    const auto at = metrics.find(name);
    REQUIRE(at != std::string::npos);
    return std::stoll(metrics.substr(at + name.size()));
}
} // namespace

// The first page after a start used to load every cluster's figures itself (about 60 ms at
// national scale): the start does it, so no visitor's page pays for it.
TEST_CASE("a started tracker holds every cluster's figures before its first page", "[net][cache]")
{
    RunningServer running;
    CHECK(summaryLoads(running.port(), "all") == 1);
    REQUIRE(httpGet(running.port(), "/").status == 200);
    REQUIRE(httpGet(running.port(), "/clusters").status == 200);
    CHECK(summaryLoads(running.port(), "all") == 1);
    CHECK(summaryLoads(running.port(), "cluster") == 0);
}
