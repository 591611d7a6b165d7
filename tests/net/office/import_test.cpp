// Bulk import of tenants and progress reports: the dry run lists every row's problems and
// writes nothing; the real run writes every row or none.
#include "net/operations/bulk_import.h"
#include "persistence/audit_repository.h"
#include "persistence/import_job_repository.h"
#include "persistence/registry_repository.h"
#include "support/office_client.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <soci/soci.h>
#include <thread>

using namespace tracker;
using namespace tracker::net;
using namespace tracker::testing;

namespace
{
const std::string kTenantHeader = "cluster_code,company_name,tax_code,sector,"
                                  "supporting_industry,leased_area_m2,registered_capital_vnd,"
                                  "jobs,status,lease_start,confirm,confirm_reason\n";

std::string tenantRow(const std::string& code, const std::string& name,
                      const std::string& taxCode = "0100109106")
{
    return code + ",\"" + name + "\"," + taxCode +
           ",Cơ khí,1,1500,2000000000,25,building,2026-03-01,1,dữ liệu thử\n";
}

ImportRequest request(ImportKind kind, std::string csv, bool dryRun)
{
    ImportRequest r;
    r.kind = kind;
    r.csv = std::move(csv);
    r.dryRun = dryRun;
    r.audit = {"importer@example.vn", "127.0.0.1", "2026-11-27T09:00:00+07:00"};
    r.today = Date{2026, 11, 27};
    return r;
}

std::size_t tenantCount(RunningServer& running, const std::string& code)
{
    return persistence::RegistryRepository(running.storage.database())
        .findCluster(code)
        ->tenants.size();
}
} // namespace

TEST_CASE("import: a dry run lists row, column and message and writes nothing",
          "[office][import][db]")
{
    RunningServer running;
    const auto before = tenantCount(running, "huu-bang");
    const std::string csv = "\xEF\xBB\xBF" + kTenantHeader + tenantRow("huu-bang", "Công ty Một") +
                            tenantRow("khong-co", "Công ty Hai") +
                            tenantRow("huu-bang", "Công ty Ba", "0100109107");
    const auto outcome =
        importCsv(running.storage.database(), request(ImportKind::Tenants, csv, true));
    CHECK(outcome.rows == 3);
    REQUIRE(outcome.errors.size() == 2);
    CHECK(outcome.errors[0].row == 3);
    CHECK(outcome.errors[0].column == "cluster_code");
    CHECK(outcome.errors[1].row == 4);
    CHECK(outcome.errors[1].column == "tax_code");
    CHECK_FALSE(outcome.written);
    CHECK(tenantCount(running, "huu-bang") == before);

    const auto clean =
        importCsv(running.storage.database(),
                  request(ImportKind::Tenants, kTenantHeader + tenantRow("huu-bang", "X"), true));
    CHECK(clean.errors.empty());
    CHECK_FALSE(clean.written);
    CHECK(tenantCount(running, "huu-bang") == before);
}

TEST_CASE("import: a file that fails only on its last row writes nothing", "[office][import][db]")
{
    RunningServer running;
    const auto before = tenantCount(running, "huu-bang");
    std::string csv = kTenantHeader;
    for (int i = 0; i < 50; ++i)
        csv += tenantRow("huu-bang", "Công ty số " + std::to_string(i));
    csv += "huu-bang,\"Công ty cuối\",0100109106,,,-5,1,1,building,,1,dữ liệu thử\n";
    const auto failed =
        importCsv(running.storage.database(), request(ImportKind::Tenants, csv, false));
    REQUIRE(failed.errors.size() == 1);
    CHECK(failed.errors[0].row == 52);
    CHECK(failed.errors[0].column == "leased_area_m2");
    CHECK_FALSE(failed.written);
    CHECK(tenantCount(running, "huu-bang") == before);

    csv.erase(csv.rfind("huu-bang,\"Công ty cuối\""));
    std::size_t progressCalls = 0;
    auto real = request(ImportKind::Tenants, csv, false);
    real.progress = [&](const std::string&, std::size_t, std::size_t) { ++progressCalls; };
    const auto written = importCsv(running.storage.database(), real);
    CHECK(written.errors.empty());
    CHECK(written.written);
    CHECK(written.records == 50);
    CHECK(tenantCount(running, "huu-bang") == before + 50);
    persistence::AuditFilter filter;
    filter.entity = "tenant";
    filter.limit = 1000;
    CHECK(persistence::listAudit(running.storage.database(), filter).size() == 50);
}

TEST_CASE("import: report rows of one cluster and date make one report, kinds name items",
          "[office][import][db]")
{
    RunningServer running;
    const std::string csv =
        "cluster_code,date,disbursed_vnd,note,work_item,percent,confirm,confirm_reason\n"
        "huu-bang,2026-11-20,5000000000,Nhập từ tệp,drainage,64,1,dữ liệu thử\n"
        "huu-bang,2026-11-20,5000000000,Nhập từ tệp,power,33,1,dữ liệu thử\n"
        "huu-bang,2026-11-21,5000000000,,power,150,1,dữ liệu thử\n"
        "huu-bang,2026-12-24,5000000000,,power,10,1,dữ liệu thử\n";
    const auto dry = importCsv(running.storage.database(), request(ImportKind::Reports, csv, true));
    REQUIRE(dry.errors.size() == 2);
    CHECK(dry.errors[0].row == 4);
    CHECK(dry.errors[0].column == "percent");
    CHECK(dry.errors[1].row == 5);
    CHECK(dry.errors[1].column == "date");

    const std::string good = csv.substr(0, csv.find("huu-bang,2026-11-21"));
    const auto outcome =
        importCsv(running.storage.database(), request(ImportKind::Reports, good, false));
    CHECK(outcome.errors.empty());
    CHECK(outcome.records == 1);
    const auto items =
        persistence::RegistryRepository(running.storage.database()).findCluster("huu-bang")->items;
    for (const auto& item : items)
    {
        if (item.kind == WorkKind::Drainage)
            CHECK(item.percentDone == 64);
        if (item.kind == WorkKind::Power)
            CHECK(item.percentDone == 33);
    }
}

TEST_CASE("import: the account's scope is checked row by row, bad CSV is one clear error",
          "[office][import][db]")
{
    RunningServer running;
    auto r =
        request(ImportKind::Tenants,
                kTenantHeader + tenantRow("huu-bang", "A") + tenantRow("cau-bau-gd-2", "B"), false);
    Account developer;
    developer.role = Role::Developer;
    developer.clusters = {"huu-bang"};
    r.account = developer;
    const auto outcome = importCsv(running.storage.database(), r);
    REQUIRE(outcome.errors.size() == 1);
    CHECK(outcome.errors[0].row == 3);
    CHECK_FALSE(outcome.written);

    const auto broken =
        importCsv(running.storage.database(), request(ImportKind::Tenants, "a,\"b\n", true));
    REQUIRE(broken.errors.size() == 1);
    CHECK(broken.errors[0].en.find("not valid CSV") != std::string::npos);
    const auto missing = importCsv(running.storage.database(),
                                   request(ImportKind::Tenants, "cluster_code\nhuu-bang\n", true));
    CHECK(missing.errors.size() >= 4);
}

TEST_CASE("import in the back office: a large file runs in the background with a progress page",
          "[office][import][db]")
{
    RunningServer running;
    auto admin = createPerson(running, "root@example.vn", Role::Admin);
    auto other = createPerson(running, "other@example.vn", Role::Admin);
    signIn(running.port(), admin);
    signIn(running.port(), other);
    const auto before = tenantCount(running, "huu-bang");
    std::string csv = kTenantHeader;
    for (int i = 0; i < 5000; ++i)
        csv += tenantRow("huu-bang", "Công ty nền " + std::to_string(i));
    const auto started =
        postUpload(running.port(), admin, "/admin/import", {{"kind", "tenants"}}, csv);
    REQUIRE(started.status == 303);
    REQUIRE(started.location.rfind("/admin/import/", 0) == 0);
    CHECK(getAs(running.port(), other, started.location).status == 404); // not theirs
    HttpResult page;
    bool sawProgress = false;
    for (int i = 0; i < 600; ++i)
    {
        page = getAs(running.port(), admin, started.location);
        REQUIRE(page.status == 200);
        if (contains(page.body, "<progress"))
        {
            sawProgress = true;
            CHECK(contains(page.body, "http-equiv=\"refresh\""));
        }
        if (contains(page.body, "import-outcome"))
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    INFO(page.body.substr(0, 2000));
    REQUIRE(contains(page.body, "import-outcome"));
    CHECK_FALSE(contains(page.body, "http-equiv=\"refresh\""));
    CHECK(contains(page.body, "Đã lưu."));
    CHECK(tenantCount(running, "huu-bang") == before + 5000);
    UNSCOPED_INFO("progress page seen while running: " << sawProgress);

    // The outcome is recorded: another instance of the tracker shows the same page.
    const auto another = running.anotherInstance();
    const auto elsewhere = getAs(another->port(), admin, started.location);
    REQUIRE(elsewhere.status == 200);
    CHECK(contains(elsewhere.body, "import-outcome"));
    CHECK(contains(elsewhere.body, "Đã lưu."));
    CHECK(contains(elsewhere.body, "5000"));
    CHECK(getAs(another->port(), other, started.location).status == 404);
    CHECK(getAs(another->port(), admin, "/admin/import/no-such-import").status == 404);
}

TEST_CASE("an import whose instance died shows as interrupted, one running elsewhere shows "
          "its progress",
          "[office][import][db]")
{
    RunningServer running;
    auto admin = createPerson(running, "root@example.vn", Role::Admin);
    signIn(running.port(), admin);
    persistence::ImportJobRepository jobs(running.storage.database());
    persistence::ImportJobRow job{"dead-import",
                                  "root@example.vn",
                                  "tenants",
                                  false,
                                  "running",
                                  "checked",
                                  1000,
                                  60000,
                                  "",
                                  "2026-11-26T23:50:00+07:00",
                                  kTestNow - 600};
    jobs.start(job, 0);
    jobs.progress(job.id, "checked", 1000, 60000, kTestNow - 600);
    const auto dead = getAs(running.port(), admin, "/admin/import/dead-import");
    REQUIRE(dead.status == 200);
    CHECK(contains(dead.body, "Việc nhập bị gián đoạn"));
    CHECK(contains(dead.body, "không có dòng nào được ghi"));
    CHECK_FALSE(contains(dead.body, "http-equiv=\"refresh\""));

    job.id = "live-import";
    job.heartbeatAt = kTestNow - 5;
    jobs.start(job, 0);
    jobs.progress(job.id, "checked", 1200, 60000, kTestNow - 5);
    const auto live = getAs(running.port(), admin, "/admin/import/live-import");
    REQUIRE(live.status == 200);
    CHECK(contains(live.body, "<progress max=\"60000\" value=\"1200\">"));
    CHECK(contains(live.body, "http-equiv=\"refresh\""));

    // The rows are marked written in the import's own transaction: an instance that died
    // between that commit and recording the outcome leaves a page that says so.
    job.id = "written-import";
    job.heartbeatAt = kTestNow - 600;
    jobs.start(job, 0);
    auto r = request(ImportKind::Tenants, kTenantHeader + tenantRow("huu-bang", "Công ty ghi rồi"),
                     true);
    r.jobId = job.id;
    r.audit.actor = "root@example.vn";
    REQUIRE(importCsv(running.storage.database(), r).errors.empty()); // a dry run…
    CHECK(jobs.find(job.id)->state == "running");                     // …writes nothing
    r.dryRun = false;
    REQUIRE(importCsv(running.storage.database(), r).written);
    CHECK(jobs.find(job.id)->state == "written");
    const auto written = getAs(running.port(), admin, "/admin/import/written-import");
    CHECK(contains(written.body, "mọi dòng đã được ghi"));
    CHECK_FALSE(contains(written.body, "không có dòng nào được ghi"));

    // Jobs silent for longer than the retention go when the next one starts.
    job.id = "next-import";
    jobs.start(job, kTestNow - 60);
    CHECK_FALSE(jobs.find("dead-import").has_value());
    CHECK(jobs.find("live-import").has_value());
}

TEST_CASE("the audit log refuses UPDATE and DELETE", "[office][db]")
{
    RunningServer running;
    auto& database = running.storage.database();
    persistence::appendAuditNow(database, {"a", "b", "c"}, "cluster", 1, "update", "{}");
    CHECK_THROWS(database.withSession([](soci::session& session)
                                      { session << "UPDATE audit_log SET actor = 'x'"; }));
    CHECK_THROWS(
        database.withSession([](soci::session& session) { session << "DELETE FROM audit_log"; }));
    CHECK(persistence::listAudit(database, {}).at(0).actor == "a");
}

TEST_CASE("an upload is read only after the session's CSRF token: none, wrong or late is 403",
          "[office][import][db][security]")
{
    RunningServer running;
    auto admin = createPerson(running, "admin@example.vn", Role::Admin);
    signIn(running.port(), admin);
    const auto before = tenantCount(running, "huu-bang");
    const std::string csv = kTenantHeader + tenantRow("huu-bang", "Công ty Lén");
    // The token in the form, but wrong.
    CHECK(postUpload(running.port(), admin, "/admin/import", {{"csrf", "wrong"}}, csv).status ==
          403);
    // The right token, but after the file: the file came before anyone checked.
    const std::string boundary = "----late";
    const std::string body = "--" + boundary +
                             "\r\nContent-Disposition: form-data; name=\"file\"; "
                             "filename=\"data.csv\"\r\n\r\n" +
                             csv + "\r\n--" + boundary +
                             "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" +
                             admin.csrf + "\r\n--" + boundary + "--\r\n";
    const auto late = httpRequest(
        running.port(), "POST", "/admin/import",
        {{"Content-Type", "multipart/form-data; boundary=" + boundary}, {"Cookie", admin.cookie}},
        body);
    CHECK(late.status == 403);
    CHECK(tenantCount(running, "huu-bang") == before);
    // The token first, as the form sends it: imported.
    const auto good = postUpload(running.port(), admin, "/admin/import", {}, csv);
    CHECK(good.status == 200);
    CHECK(tenantCount(running, "huu-bang") == before + 1);
}
