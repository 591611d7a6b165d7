// Lost updates refused (409 with what changed) and re-baselining.
#include "net/operations/edit_operations.h"
#include "office/office_helpers.h"
#include "persistence/audit_repository.h"
#include "persistence/baseline_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/registry_repository.h"
#include "support/office_client.h"

#include <catch2/catch.hpp>

using namespace tracker;
using namespace tracker::testing;

TEST_CASE("saving over a newer version is a 409 that shows what changed", "[office][db]")
{
    RunningServer running;
    auto city = createPerson(running, "city@example.vn", Role::CityOfficial);
    signIn(running.port(), city);
    const auto start = huuBang(running).cluster;
    const std::string v = std::to_string(start.version);
    auto first = sendJson(running.port(), city, "PATCH", "/api/v1/clusters/huu-bang",
                          "{\"version\":" + v + ",\"developer\":\"Công ty A\"}");
    REQUIRE(first.status == 200);
    auto second = sendJson(running.port(), city, "PATCH", "/api/v1/clusters/huu-bang",
                           "{\"version\":" + v + ",\"developer\":\"Công ty B\"}");
    REQUIRE(second.status == 409);
    const auto body = second.json();
    CHECK(body->getObject("current")->getValue<std::string>("developer") == "Công ty A");
    const auto changed = body->getArray("changed")->getObject(0);
    CHECK(changed->getValue<std::string>("field") == "developer");
    CHECK(changed->getValue<std::string>("yours") == "Công ty B");
    CHECK(huuBang(running).cluster.developer == "Công ty A");

    // The form: the conflict page keeps "yours" on top of the newer version; saving again
    // re-applies it.
    auto fields = registryFields(start);
    fields["developer"] = "Công ty C";
    const auto page = postForm(running.port(), city, "/admin/clusters/huu-bang/registry", fields);
    REQUIRE(page.status == 409);
    CHECK(contains(page.body, "Người khác đã lưu"));
    CHECK(contains(page.body, "Công ty A"));
    CHECK(hiddenValue(page.body, "version") == std::to_string(start.version + 1));
    fields["version"] = hiddenValue(page.body, "version");
    CHECK(postForm(running.port(), city, "/admin/clusters/huu-bang/registry", fields).status ==
          303);
    CHECK(huuBang(running).cluster.developer == "Công ty C");
}

TEST_CASE("re-baselining over a newer baseline is a 409 too", "[office][db]")
{
    RunningServer running;
    auto city = createPerson(running, "city@example.vn", Role::CityOfficial);
    signIn(running.port(), city);
    const auto item = huuBang(running).items.front();
    const auto plan = [&](const std::string& finish, const std::string& basedOn)
    {
        return "{\"reason\":\"Điều chỉnh\",\"based_on\":" + basedOn +
               ",\"items\":[{\"work_item\":" + std::to_string(item.id) + ",\"planned_start\":\"" +
               item.plannedStart.iso() + "\",\"planned_finish\":\"" + finish +
               "\",\"budget_vnd\":" + std::to_string(item.budget) + "}]}";
    };
    const auto first = sendJson(running.port(), city, "POST", "/api/v1/clusters/huu-bang/baselines",
                                plan("2027-03-31", "0"));
    REQUIRE(first.status == 201);
    CHECK(first.json()->getValue<int>("baseline") == 2);
    const auto stale = sendJson(running.port(), city, "POST", "/api/v1/clusters/huu-bang/baselines",
                                plan("2027-09-30", "0"));
    CHECK(stale.status == 409);
    CHECK(stale.json()->getObject("current")->getValue<int>("baseline") == 2);
    CHECK(huuBang(running).items.front().plannedFinish == Date{2027, 3, 31});

    // The form: drawn up before someone else's re-baselining, refused, then re-applied.
    const auto form = getAs(running.port(), city, "/admin/clusters/huu-bang/baseline");
    std::map<std::string, std::string> fields{{"based_on", hiddenValue(form.body, "based_on")},
                                              {"reason", "Theo quyết định mới"}};
    CHECK(fields["based_on"] == "2");
    REQUIRE(sendJson(running.port(), city, "POST", "/api/v1/clusters/huu-bang/baselines",
                     plan("2027-12-31", "2"))
                .status == 201);
    const auto conflict =
        postForm(running.port(), city, "/admin/clusters/huu-bang/baseline", fields);
    CHECK(conflict.status == 409);
    CHECK(hiddenValue(conflict.body, "based_on") == "3");
    fields["based_on"] = "3";
    CHECK(postForm(running.port(), city, "/admin/clusters/huu-bang/baseline", fields).status ==
          303);
    CHECK(persistence::BaselineRepository(running.storage.database())
              .latestBaseline(huuBang(running).cluster.id) == 4);
}

TEST_CASE("re-baselining adds a work item, by form and by API, audited and public", "[office][db]")
{
    RunningServer running;
    auto city = createPerson(running, "thanhpho@example.vn", Role::CityOfficial);
    signIn(running.port(), city);
    const auto before = huuBang(running).items;
    const std::string next = "items[" + std::to_string(before.size()) + "].";
    const auto form = getAs(running.port(), city, "/admin/clusters/huu-bang/baseline");
    REQUIRE(form.status == 200);
    CHECK(contains(form.body, "name=\"" + next + "kind\""));
    CHECK(contains(form.body, "Hạng mục mới (nếu có)"));
    std::map<std::string, std::string> fields{{"based_on", hiddenValue(form.body, "based_on")},
                                              {"reason", "Bổ sung trạm biến áp"},
                                              {next + "kind", "power"},
                                              {next + "planned_start", "2027-01-01"},
                                              {next + "planned_finish", "2026-12-31"},
                                              {next + "budget_vnd", "7000000000"}};

    // A finish before the start: the form comes back with the message; nothing is written.
    const auto refused =
        postForm(running.port(), city, "/admin/clusters/huu-bang/baseline", fields);
    CHECK(refused.status == 422);
    CHECK(contains(refused.body, "Ngày kết thúc trước ngày bắt đầu."));
    CHECK(contains(refused.body, "value=\"7000000000\""));
    CHECK(huuBang(running).items.size() == before.size());
    CHECK(auditOf(running, "work_item").empty());

    fields[next + "planned_finish"] = "2029-12-31";
    REQUIRE(postForm(running.port(), city, "/admin/clusters/huu-bang/baseline", fields).status ==
            303);
    const auto after = huuBang(running);
    REQUIRE(after.items.size() == before.size() + 1);
    const auto& added = after.items.back();
    CHECK(added.kind == WorkKind::Power);
    CHECK(added.budget == 7'000'000'000);
    CHECK(added.percentDone == 0);
    CHECK(added.plannedFinish == Date{2029, 12, 31});
    const auto created = auditOf(running, "work_item");
    REQUIRE(created.size() == 1);
    CHECK(created[0].action == "create");
    CHECK(created[0].entityId == added.id);
    CHECK(contains(created[0].changes, "\"budget_vnd\":{\"old\":\"\",\"new\":\"7000000000\"}"));
    const auto baselines =
        persistence::BaselineRepository(running.storage.database()).baselines(after.cluster.id);
    REQUIRE(baselines.size() == 2);
    CHECK(baselines[0].items.size() == before.size()); // the original plan is untouched
    REQUIRE(baselines[1].items.size() == before.size() + 1);
    CHECK(baselines[1].items.back().id == added.id);
    CHECK(contains(httpGet(running.port(), "/clusters/huu-bang").body, "31/12/2029"));

    // The same through the API; a kind that does not exist is a field error.
    const std::string item = "{\"planned_start\":\"2027-02-01\",\"planned_finish\":"
                             "\"2028-02-01\",\"budget_vnd\":5,\"kind\":";
    const auto bad = sendJson(running.port(), city, "POST", "/api/v1/clusters/huu-bang/baselines",
                              "{\"reason\":\"x\",\"items\":[" + item + "\"rocket\"}]}");
    CHECK(bad.status == 422);
    CHECK(contains(bad.body, "items[0].kind"));
    const auto good = sendJson(running.port(), city, "POST", "/api/v1/clusters/huu-bang/baselines",
                               "{\"reason\":\"Thêm\",\"items\":[" + item + "\"drainage\"}]}");
    CHECK(good.status == 201);
    CHECK(huuBang(running).items.size() == before.size() + 2);
    CHECK(huuBang(running).items.back().kind == WorkKind::Drainage);
}
