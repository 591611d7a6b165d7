// The audit trail, hostile input, and what error pages never show.
#include "net/operations/edit_operations.h"
#include "office/office_helpers.h"
#include "persistence/audit_repository.h"
#include "persistence/baseline_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/job_repository.h"
#include "persistence/mail_repository.h"
#include "persistence/registry_repository.h"
#include "support/office_client.h"

#include <catch2/catch.hpp>

using namespace tracker;
using namespace tracker::testing;

TEST_CASE("every kind of change leaves an audit entry with old and new values", "[office][db]")
{
    RunningServer running;
    auto admin = createPerson(running, "root@example.vn", Role::Admin);
    signIn(running.port(), admin);
    const int port = running.port();
    const auto cluster = huuBang(running);
    REQUIRE(sendJson(port, admin, "PATCH", "/api/v1/clusters/huu-bang",
                     "{\"version\":" + std::to_string(cluster.cluster.version) +
                         ",\"commune\":\"Xã Hữu Bằng mới\"}")
                .status == 200);
    const auto tenant = sendJson(port, admin, "POST", "/api/v1/clusters/huu-bang/tenants",
                                 "{\"company_name\":\"Công ty Đông Á\",\"tax_code\":\"0100109106\","
                                 "\"leased_area_m2\":100,\"registered_capital_vnd\":5,"
                                 "\"status\":\"registered\"}");
    REQUIRE(tenant.status == 201);
    const auto tenantId = tenant.json()->getObject("tenant")->getValue<long long>("id");
    REQUIRE(sendJson(port, admin, "PATCH", "/api/v1/tenants/" + std::to_string(tenantId),
                     "{\"version\":1,\"jobs\":40}")
                .status == 200);
    const auto item = cluster.items.front();
    REQUIRE(sendJson(port, admin, "POST", "/api/v1/clusters/huu-bang/baselines",
                     "{\"reason\":\"Chậm GPMB\",\"items\":[{\"work_item\":" +
                         std::to_string(item.id) + ",\"planned_start\":\"" +
                         item.plannedStart.iso() + "\",\"planned_finish\":\"2027-06-30\"," +
                         "\"budget_vnd\":" + std::to_string(item.budget) + "}]}")
                .status == 201);
    REQUIRE(sendJson(port, admin, "POST", "/api/v1/clusters/huu-bang/reports",
                     "{\"date\":\"2026-11-27\",\"confirm\":\"1\",\"confirm_reason\":\"dữ liệu "
                     "thử\",\"disbursed_vnd\":10}")
                .status == 201);
    REQUIRE(postForm(port, admin, "/admin/users",
                     {{"email", "moi@example.vn"},
                      {"role", "viewer"},
                      {"password", "a long enough password"}})
                .status == 303);
    REQUIRE(postForm(port, admin, "/admin/subscriptions",
                     {{"email", "tin@example.vn"}, {"language", "en"}, {"scope", "all"}})
                .status == 303);

    const auto clusterEntry = auditOf(running, "cluster").at(0);
    CHECK(contains(clusterEntry.changes, "\"commune\":{\"old\":\"" + cluster.cluster.commune +
                                             "\",\"new\":\"Xã Hữu Bằng mới\"}"));
    CHECK(contains(auditOf(running, "tenant").at(0).changes,
                   "\"jobs\":{\"old\":\"0\",\"new\":\"40\"}"));
    CHECK(auditOf(running, "tenant").at(1).action == "create");
    CHECK(contains(auditOf(running, "baseline").at(0).changes, "2027-06-30"));
    CHECK(auditOf(running, "progress_report").size() == 1);
    CHECK(contains(auditOf(running, "user").at(0).changes, "moi@example.vn"));
    CHECK_FALSE(contains(auditOf(running, "user").at(0).changes, "a long enough password"));
    CHECK(auditOf(running, "subscription").size() == 1);
    for (const auto& entry : persistence::listAudit(running.storage.database(), {}))
        if (entry.actor == "root@example.vn")
            CHECK(entry.address == "127.0.0.1");

    // The old plan is kept: baseline 1 is the plan before, 2 the new one.
    const auto baselines =
        persistence::BaselineRepository(running.storage.database()).baselines(cluster.cluster.id);
    REQUIRE(baselines.size() == 2);
    CHECK(baselines[0].items.front().plannedFinish == item.plannedFinish);
    CHECK(baselines[1].items.front().plannedFinish == Date{2027, 6, 30});
    CHECK(huuBang(running).items.front().plannedFinish == Date{2027, 6, 30});
    const auto publicPage = httpGet(port, "/clusters/huu-bang");
    CHECK(contains(publicPage.body, "Kế hoạch gốc số 2 — 27/11/2026: Chậm GPMB"));
    CHECK(contains(publicPage.body, "30/06/2027"));

    const auto page = getAs(port, admin, "/admin/audit?entity=tenant");
    CHECK(page.status == 200);
    CHECK(contains(page.body, "Công ty Đông Á"));
    CHECK_FALSE(contains(page.body, "Xã Hữu Bằng mới")); // filtered out
    CHECK(contains(page.body, "<option value=\"tenant\" selected>"));
    const auto record =
        getAs(port, admin, "/admin/audit/cluster/" + std::to_string(cluster.cluster.id));
    CHECK(contains(record.body, "Xã Hữu Bằng mới"));
    CHECK(contains(record.body, "Chậm GPMB"));
}

TEST_CASE("hostile input is stored faithfully or refused, and always escaped", "[office][db]")
{
    RunningServer running;
    auto admin = createPerson(running, "root@example.vn", Role::Admin);
    signIn(running.port(), admin);
    const int port = running.port();
    const std::string hostile = "<script>alert(1)</script>' OR 1=1; DROP TABLE tenants;--";
    const auto tenantsBefore = huuBang(running).tenants.size();
    const auto created = postForm(port, admin, "/admin/clusters/huu-bang/tenants/new",
                                  {{"company_name", hostile},
                                   {"tax_code", "0100109106"},
                                   {"confirm", "1"},
                                   {"confirm_reason", "dữ liệu thử"},
                                   {"leased_area_m2", "10"},
                                   {"registered_capital_vnd", "10"},
                                   {"status", "registered"}});
    REQUIRE(created.status == 303);
    const auto stored = huuBang(running).tenants.back();
    CHECK(stored.companyName == hostile);
    for (const std::string path :
         {"/clusters/huu-bang", "/admin/clusters/huu-bang/tenants", "/admin/audit"})
    {
        const auto page = getAs(port, admin, path);
        INFO(path);
        CHECK(page.status == 200);
        CHECK_FALSE(contains(page.body, "<script>alert(1)"));
        CHECK(contains(page.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
    const auto tooLong = postForm(port, admin, "/admin/clusters/huu-bang/tenants/new",
                                  {{"company_name", std::string(301, 'x')},
                                   {"tax_code", "0100109107"},
                                   {"leased_area_m2", "10"},
                                   {"registered_capital_vnd", "10"},
                                   {"status", "registered"}});
    CHECK(tooLong.status == 422);
    CHECK(contains(tooLong.body, "Dài quá 300 ký tự"));
    CHECK(contains(tooLong.body, "Mã số thuế")); // the wrong check digit, named
    const auto badUtf8 = postForm(port, admin, "/admin/clusters/huu-bang/tenants/new",
                                  {{"company_name", "C\xC3\x28ng ty"},
                                   {"tax_code", "0100109106"},
                                   {"confirm", "1"},
                                   {"confirm_reason", "dữ liệu thử"},
                                   {"leased_area_m2", "10"},
                                   {"registered_capital_vnd", "10"},
                                   {"status", "registered"}});
    CHECK(badUtf8.status == 422);
    CHECK(contains(badUtf8.body, "UTF-8"));
    CHECK(huuBang(running).tenants.size() == tenantsBefore + 1);
    // Search with SQL metacharacters is just text.
    CHECK(httpGet(port, "/api/v1/clusters?q=%27%20OR%201%3D1--").json()->getValue<int>("total") ==
          0);
}

TEST_CASE("back-office pages carry the security headers and no internals on errors", "[office][db]")
{
    RunningServer running;
    auto admin = createPerson(running, "root@example.vn", Role::Admin);
    signIn(running.port(), admin);
    for (const std::string path : {"/login", "/admin", "/admin/import", "/admin/users"})
    {
        const auto page = getAs(running.port(), admin, path);
        INFO(path);
        CHECK(page.status == 200);
        CHECK(contains(page.csp, "frame-ancestors 'none'"));
        CHECK(contains(page.csp, "script-src 'self'"));
        CHECK(page.nosniff == "nosniff");
        CHECK_FALSE(contains(page.body, "<script"));
    }
    const auto broken = httpRequest(
        running.port(), "POST", "/admin/import",
        {{"Content-Type", "multipart/form-data; boundary=x"}, {"Cookie", admin.cookie}}, "garbage");
    CHECK(broken.status == 400);
    CHECK_FALSE(contains(broken.body, "Malformed"));
    CHECK(getAs(running.port(), admin, "/admin/tenants/999999").status == 404);
}

TEST_CASE("a name with CR or LF cannot inject mail headers, emails are one account whatever "
          "their case",
          "[office][db][security]")
{
    RunningServer running;
    auto admin = createPerson(running, "root@example.vn", Role::Admin);
    signIn(running.port(), admin);
    const int port = running.port();
    // A subscriber named "x\r\nBcc: …" would have added a Bcc: to the digest.
    const auto injected = postForm(port, admin, "/admin/subscriptions",
                                   {{"email", "an@example.vn"},
                                    {"name", "An\r\nBcc: evil@example.org\r\nX-Injected: 1"},
                                    {"language", "vi"},
                                    {"scope", "all"}});
    CHECK(injected.status == 422);
    CHECK(persistence::MailRepository(running.storage.database()).activeSubscriptions().empty());
    for (const std::string& address :
         {std::string("an@example.vn\r\nBcc: evil@example.org"), std::string("an\t@example.vn"),
          std::string("an\0@example.vn", 14)})
        CHECK(postForm(port, admin, "/admin/subscriptions",
                       {{"email", address}, {"language", "vi"}, {"scope", "all"}})
                  .status == 422);
    CHECK(postForm(port, admin, "/admin/subscriptions",
                   {{"email", "an@example.vn"}, {"scope", "district:Không có"}})
              .status == 422); // a scope no cluster is in
    // An account created as Mixed@Example.VN signs in as mixed@example.vn, and is one account.
    const auto created = postForm(port, admin, "/admin/users",
                                  {{"email", "Mixed@Example.VN"},
                                   {"name", "Mixed"},
                                   {"role", "viewer"},
                                   {"password", kTestPassword}});
    CHECK(created.status == 303);
    CHECK(attemptSignIn(port, "mixed@example.vn", kTestPassword).status == 303);
    CHECK(postForm(port, admin, "/admin/users",
                   {{"email", "mixed@example.vn"}, {"role", "viewer"}, {"password", kTestPassword}})
              .status == 422);
    CHECK(postForm(port, admin, "/admin/users",
                   {{"email", "dev@example.vn"},
                    {"role", "developer"},
                    {"clusters", "khong-co"},
                    {"password", kTestPassword}})
              .status == 422); // an unknown cluster scope
}

TEST_CASE("a developer reading its cluster's history sees no official's email or address",
          "[office][db][security]")
{
    RunningServer running;
    auto official = createPerson(running, "official@example.vn", Role::CityOfficial);
    auto developer = createPerson(running, "dev@example.vn", Role::Developer, {}, {"huu-bang"});
    signIn(running.port(), official);
    signIn(running.port(), developer);
    auto fields = registryFields(huuBang(running).cluster);
    fields["commune"] = "Xã Hữu Bằng";
    REQUIRE(
        postForm(running.port(), official, "/admin/clusters/huu-bang/registry", fields).status ==
        303);
    const auto id = std::to_string(huuBang(running).cluster.id);
    const auto asDeveloper = getAs(running.port(), developer, "/admin/audit/cluster/" + id);
    REQUIRE(asDeveloper.status == 200);
    CHECK(contains(asDeveloper.body, "Xã Hữu Bằng")); // what changed, yes
    CHECK_FALSE(contains(asDeveloper.body, "official@example.vn"));
    CHECK_FALSE(contains(asDeveloper.body, "127.0.0.1"));
    const auto asOfficial = getAs(running.port(), official, "/admin/audit/cluster/" + id);
    CHECK(contains(asOfficial.body, "official@example.vn"));
}

TEST_CASE("job runs name their host only to operators, raw bytes never reach a JSON error",
          "[office][db][security]")
{
    RunningServer running;
    running.runDelayScan();
    persistence::JobRepository(running.storage.database())
        .recordStart("delay-scan", "2026-11-27T06:00", "host.example:4242",
                     "2026-11-27T06:00:00+07:00");
    const auto open = httpGet(running.port(), "/api/v1/jobs/runs");
    REQUIRE(open.status == 200);
    CHECK_FALSE(contains(open.body, "host.example"));
    auto admin = createPerson(running, "admin@example.vn", Role::Admin);
    const auto operators = sendJson(running.port(), admin, "GET", "/api/v1/jobs/runs", "");
    CHECK(contains(operators.body, "host.example:4242"));
    const auto bytes = httpGet(running.port(), "/api/v1/clusters/%FF%FE");
    CHECK(bytes.status == 404);
    CHECK_NOTHROW(bytes.json()); // well-formed JSON, no raw 0xFF
    CHECK_FALSE(contains(bytes.body, "\xFF"));
}
