// The back office and the write API beyond who may do what: CSRF, sign-in throttling,
// sessions, lost updates, the audit trail, hostile input and the public pages.
#include "net/operations/edit_operations.h"
#include "persistence/audit_repository.h"
#include "persistence/baseline_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/registry_repository.h"
#include "support/office_client.h"

#include <catch2/catch.hpp>

using namespace tracker;
using namespace tracker::testing;

namespace
{
persistence::EditableCluster huuBang(RunningServer& running)
{
    return *persistence::RegistryRepository(running.storage.database()).findCluster("huu-bang");
}

std::map<std::string, std::string> registryFields(const Cluster& cluster)
{
    const auto d = net::draftOf(cluster);
    return {{"version", std::to_string(cluster.version)},
            {"name_vi", d.nameVi},
            {"commune", d.commune},
            {"developer", d.developer},
            {"total_area_m2", d.totalArea},
            {"industrial_area_m2", d.industrialArea},
            {"planned_investment_vnd", d.plannedInvestment},
            {"status", d.status},
            {"planned_start", d.plannedStart},
            {"planned_finish", d.plannedFinish},
            {"decision_number", d.decisionNumber},
            {"source_url", d.sourceUrl},
            {"source_notes", d.sourceNotes}};
}

std::vector<persistence::AuditEntry> auditOf(RunningServer& running, const std::string& entity)
{
    persistence::AuditFilter filter;
    filter.entity = entity;
    return persistence::listAudit(running.storage.database(), filter);
}
} // namespace

TEST_CASE("a district official signs in, reports, and the public page shows it at once",
          "[office][db]")
{
    RunningServer running;
    auto official =
        createPerson(running, "quan@example.vn", Role::DistrictOfficial, {"Thạch Thất"});
    signIn(running.port(), official);
    const auto before = httpGet(running.port(), "/clusters/huu-bang");
    REQUIRE(before.status == 200);
    CHECK_FALSE(contains(before.body, "26/11/2026"));

    const auto form = getAs(running.port(), official, "/admin/clusters/huu-bang/report");
    REQUIRE(form.status == 200);
    CHECK(contains(form.body, "name=\"csrf\""));
    const auto items = huuBang(running).items;
    std::map<std::string, std::string> fields{
        {"date", "2026-11-26"}, {"disbursed_vnd", "1234000000"}, {"note", "Đã thảm nhựa"}};
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        fields["items[" + std::to_string(i) + "].work_item"] = std::to_string(items[i].id);
        fields["items[" + std::to_string(i) + "].percent"] = "77";
    }
    const auto posted =
        postForm(running.port(), official, "/admin/clusters/huu-bang/report", fields);
    REQUIRE(posted.status == 303);
    CHECK(posted.location.rfind("/clusters/huu-bang", 0) == 0);
    const auto after = httpGet(running.port(), "/clusters/huu-bang");
    CHECK(contains(after.body, "26/11/2026"));
    CHECK(contains(after.body, "Đã thảm nhựa"));
    const auto entries = auditOf(running, "progress_report");
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].actor == "quan@example.vn");
    CHECK(entries[0].address == "127.0.0.1");
    CHECK(contains(entries[0].changes, "\"disbursed_vnd\":{\"old\":\"\",\"new\":\"1234000000\"}"));
}

TEST_CASE("a developer reports on its own cluster through the API and is refused elsewhere",
          "[office][db]")
{
    RunningServer running;
    const auto developer =
        createPerson(running, "cdt@example.vn", Role::Developer, {}, {"huu-bang"});
    const auto item = huuBang(running).items.back().id;
    const std::string body =
        "{\"date\":\"2026-11-25\",\"items\":[{\"work_item\":" + std::to_string(item) +
        ",\"percent\":61}],\"disbursed_vnd\":900000000,\"note\":\"API\"}";
    const auto created =
        sendJson(running.port(), developer, "POST", "/api/v1/clusters/huu-bang/reports", body);
    REQUIRE(created.status == 201);
    const auto report = created.json()->getObject("report");
    CHECK(report->getValue<std::string>("date") == "2026-11-25");
    CHECK(report->getValue<long long>("disbursed_vnd") == 900000000);
    const auto cluster = httpGet(running.port(), "/api/v1/clusters/huu-bang").json();
    CHECK(cluster->getValue<std::string>("last_report_date") == "2026-11-25");

    const auto elsewhere =
        sendJson(running.port(), developer, "POST", "/api/v1/clusters/cau-bau-gd-2/reports",
                 "{\"date\":\"2026-11-25\",\"disbursed_vnd\":1}");
    CHECK(elsewhere.status == 403);
    Person stranger;
    stranger.token = "not-a-token";
    CHECK(sendJson(running.port(), stranger, "POST", "/api/v1/clusters/huu-bang/reports", body)
              .status == 401);
}

TEST_CASE("bad report input gets 422 with a message per field and writes nothing", "[office][db]")
{
    RunningServer running;
    const auto official =
        createPerson(running, "quan@example.vn", Role::DistrictOfficial, {"Thạch Thất"});
    const auto item = huuBang(running).items.front().id;
    const auto result =
        sendJson(running.port(), official, "POST", "/api/v1/clusters/huu-bang/reports",
                 "{\"date\":\"2026-12-01\",\"items\":[{\"work_item\":" + std::to_string(item) +
                     ",\"percent\":101}],\"disbursed_vnd\":\"1.000\"}");
    REQUIRE(result.status == 422);
    const auto fields = result.json()->getArray("fields");
    std::map<std::string, std::string> byField;
    for (std::size_t i = 0; i < fields->size(); ++i)
        byField[fields->getObject(static_cast<unsigned>(i))->getValue<std::string>("field")] =
            fields->getObject(static_cast<unsigned>(i))->getValue<std::string>("message_vi");
    CHECK(contains(byField["date"], "tương lai"));
    CHECK(contains(byField["items[0].percent"], "100"));
    CHECK(contains(byField["disbursed_vnd"], "số nguyên"));
    CHECK(auditOf(running, "progress_report").empty());
    CHECK(
        sendJson(running.port(), official, "POST", "/api/v1/clusters/huu-bang/reports", "not json")
            .status == 400);
}

TEST_CASE("forms without the session's CSRF token are refused and change nothing", "[office][db]")
{
    RunningServer running;
    auto city = createPerson(running, "city@example.vn", Role::CityOfficial);
    signIn(running.port(), city);
    const auto cluster = huuBang(running).cluster;
    auto fields = registryFields(cluster);
    fields["commune"] = "Xã giả mạo";
    for (const std::string& forged : std::vector<std::string>{"", "0000", std::string(64, 'a')})
    {
        fields["csrf"] = forged;
        const auto result =
            postForm(running.port(), city, "/admin/clusters/huu-bang/registry", fields);
        CHECK(result.status == 403);
        CHECK(contains(result.body, "Biểu mẫu đã hết hạn"));
    }
    CHECK(huuBang(running).cluster.commune == cluster.commune);
    // The sign-in form has its own token: without the cookie it echoes, no sign-in.
    const auto login = httpRequest(
        running.port(), "POST", "/login", {{"Content-Type", "application/x-www-form-urlencoded"}},
        urlEncodeForm({{"csrf", "x"}, {"email", "city@example.vn"}, {"password", kTestPassword}}));
    CHECK(login.status == 403);
    CHECK(cookieValue(login.setCookies, "tracker_session").empty());
    // A session's API call needs the CSRF header, or it is not authenticated at all.
    CHECK(httpRequest(running.port(), "PATCH", "/api/v1/clusters/huu-bang",
                      {{"Cookie", city.cookie}}, "{\"version\":1,\"commune\":\"x\"}")
              .status == 401);
}

TEST_CASE("sign-in: throttled per account, cookies locked down, sign-out ends the session",
          "[office][db]")
{
    RunningServer running;
    auto person = createPerson(running, "a@example.vn", Role::Viewer);
    for (int i = 0; i < 5; ++i)
        CHECK(attemptSignIn(running.port(), "a@example.vn", "wrong password " + std::to_string(i))
                  .status == 401);
    const auto locked = attemptSignIn(running.port(), "a@example.vn", kTestPassword);
    CHECK(locked.status == 429);
    CHECK(contains(locked.body, "Quá nhiều lần đăng nhập sai"));
    CHECK(cookieValue(locked.setCookies, "tracker_session").empty());

    auto other = createPerson(running, "b@example.vn", Role::Viewer);
    const auto ok = attemptSignIn(running.port(), "b@example.vn", kTestPassword);
    REQUIRE(ok.status == 303);
    std::string sessionCookie;
    for (const auto& cookie : ok.setCookies)
        if (cookie.rfind("tracker_session=", 0) == 0)
            sessionCookie = cookie;
    CHECK(contains(sessionCookie, "HttpOnly"));
    CHECK(contains(sessionCookie, "SameSite=Lax"));
    CHECK(attemptSignIn(running.port(), "nobody@example.vn", kTestPassword).status == 401);

    signIn(running.port(), other);
    CHECK(getAs(running.port(), other, "/admin").status == 200);
    CHECK(postForm(running.port(), other, "/logout", {}).status == 303);
    const auto after = getAs(running.port(), other, "/admin");
    CHECK(after.status == 303);
    CHECK(after.location.rfind("/login", 0) == 0);
}

TEST_CASE("sign-in: throttled per client address across accounts", "[office][db]")
{
    RunningServer running;
    createPerson(running, "real@example.vn", Role::Viewer);
    for (int i = 0; i < 20; ++i)
        CHECK(attemptSignIn(running.port(), "guess" + std::to_string(i) + "@example.vn", "x")
                  .status == 401);
    CHECK(attemptSignIn(running.port(), "real@example.vn", kTestPassword).status == 429);
}

TEST_CASE("sessions expire, behind TLS the cookie is Secure", "[office][db]")
{
    RunningServer running("demo",
                          [](net::ServerSettings& settings)
                          {
                              settings.auth.sessionHours = 2;
                              settings.auth.secureCookies = true;
                          });
    auto person = createPerson(running, "s@example.vn", Role::Viewer);
    const auto signedIn = attemptSignIn(running.port(), "s@example.vn", kTestPassword);
    REQUIRE(signedIn.status == 303);
    bool secure = false;
    for (const auto& cookie : signedIn.setCookies)
        if (cookie.rfind("tracker_session=", 0) == 0)
            secure = contains(cookie, "; secure") || contains(cookie, "; Secure");
    CHECK(secure);
    signIn(running.port(), person);
    running.clock.advance(2 * 3600 - 60);
    CHECK(getAs(running.port(), person, "/admin").status == 200);
    running.clock.advance(120);
    const auto expired = getAs(running.port(), person, "/admin");
    CHECK(expired.status == 303);
    CHECK(expired.location.rfind("/login", 0) == 0);
}

TEST_CASE("a deactivated account loses its sessions and its API tokens", "[office][db]")
{
    RunningServer running;
    auto admin = createPerson(running, "root@example.vn", Role::Admin);
    auto developer = createPerson(running, "cdt@example.vn", Role::Developer, {}, {"huu-bang"});
    signIn(running.port(), admin);
    signIn(running.port(), developer);
    const std::string report = "{\"date\":\"2026-11-20\",\"disbursed_vnd\":1}";
    REQUIRE(sendJson(running.port(), developer, "POST", "/api/v1/clusters/huu-bang/reports", report)
                .status == 201);
    const auto off = postForm(running.port(), admin,
                              "/admin/users/" + std::to_string(developer.account.id) + "/active",
                              {{"active", "0"}});
    CHECK(off.status == 303);
    CHECK(getAs(running.port(), developer, "/admin").status == 303);
    CHECK(sendJson(running.port(), developer, "POST", "/api/v1/clusters/huu-bang/reports", report)
              .status == 401);
    CHECK(attemptSignIn(running.port(), "cdt@example.vn", kTestPassword).status == 401);
    // Nobody locks themselves out.
    CHECK(postForm(running.port(), admin,
                   "/admin/users/" + std::to_string(admin.account.id) + "/active",
                   {{"active", "0"}})
              .status == 403);
    CHECK(postForm(running.port(), admin,
                   "/admin/users/" + std::to_string(developer.account.id) + "/active",
                   {{"active", "1"}})
              .status == 303);
    CHECK(attemptSignIn(running.port(), "cdt@example.vn", kTestPassword).status == 303);
}

TEST_CASE("an admin changes a developer's clusters, the rights follow at once", "[office][db]")
{
    RunningServer running;
    auto admin = createPerson(running, "root@example.vn", Role::Admin);
    auto developer = createPerson(running, "cdt@example.vn", Role::Developer, {}, {"huu-bang"});
    signIn(running.port(), admin);
    const std::string report = "{\"date\":\"2026-11-20\",\"disbursed_vnd\":1}";
    const std::string path = "/admin/users/" + std::to_string(developer.account.id);
    CHECK(
        sendJson(running.port(), developer, "POST", "/api/v1/clusters/cau-bau-gd-2/reports", report)
            .status == 403);
    const auto form = getAs(running.port(), admin, path);
    REQUIRE(form.status == 200);
    const std::string version = hiddenValue(form.body, "version");
    const auto typo = postForm(
        running.port(), admin, path,
        {{"version", version}, {"role", "developer"}, {"clusters", "huu-bang, cau-bau-gd-9"}});
    CHECK(typo.status == 422);
    CHECK(contains(typo.body, "Không có cụm mã “cau-bau-gd-9”"));
    const auto saved = postForm(running.port(), admin, path,
                                {{"version", version},
                                 {"name", "Chủ đầu tư"},
                                 {"role", "developer"},
                                 {"clusters", "huu-bang, cau-bau-gd-2"}});
    CHECK(saved.status == 303);
    CHECK(
        sendJson(running.port(), developer, "POST", "/api/v1/clusters/cau-bau-gd-2/reports", report)
            .status == 201);
    const auto stale =
        postForm(running.port(), admin, path, {{"version", version}, {"role", "viewer"}});
    CHECK(stale.status == 409);
    CHECK(contains(stale.body, "<td>cau-bau-gd-2, huu-bang</td>")); // what is stored now
    persistence::AuditFilter filter;
    filter.entity = "user";
    filter.entityId = developer.account.id;
    const auto entries = persistence::listAudit(running.storage.database(), filter);
    REQUIRE_FALSE(entries.empty());
    CHECK(contains(entries.front().changes, "\"clusters\":{\"old\":\"huu-bang\",\"new\":"
                                            "\"huu-bang, cau-bau-gd-2\"}"));
}

TEST_CASE("changing the password ends every other session", "[office][db]")
{
    RunningServer running;
    auto first = createPerson(running, "p@example.vn", Role::Viewer);
    signIn(running.port(), first);
    auto second = first;
    signIn(running.port(), second);
    const auto changed =
        postForm(running.port(), first, "/account/password",
                 {{"current_password", kTestPassword}, {"new_password", "another long password"}});
    CHECK(changed.status == 200);
    CHECK(getAs(running.port(), second, "/admin").status == 303);
    const auto refused = postForm(running.port(), first, "/account/password",
                                  {{"current_password", "wrong"}, {"new_password", "short"}});
    CHECK(refused.status == 303); // the old session ended too; the page sent a new cookie
    CHECK(attemptSignIn(running.port(), "p@example.vn", "another long password").status == 303);
}

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

TEST_CASE("an official acknowledges a delay flag in the back office and the API; the public "
          "pages show it",
          "[office][db]")
{
    RunningServer running;
    auto official =
        createPerson(running, "quan@example.vn", Role::DistrictOfficial, {"Thạch Thất"});
    auto developer = createPerson(running, "cdt@example.vn", Role::Developer, {}, {"huu-bang"});
    signIn(running.port(), official);
    signIn(running.port(), developer);
    const auto cluster = huuBang(running).cluster;
    persistence::DelayFlagRepository flags(running.storage.database());
    DelayFinding stale;
    stale.rule = DelayRuleKind::StaleReporting;
    stale.measure = "no report for 60 days";
    std::int64_t elsewhere = 0; // a cluster outside the official's district
    for (const auto& s :
         persistence::ClusterRepository(running.storage.database()).listSummaries(Date{}))
        if (s.cluster.district != "Thạch Thất")
            elsewhere = s.cluster.id;
    REQUIRE(elsewhere != 0);
    flags.applyScan({{cluster.id, {stale}}, {elsewhere, {stale}}}, Date{2026, 11, 20});
    running.server->invalidateCache();
    const auto flagId = flags.flagsOfCluster(cluster.id).at(0).id;
    const std::string page = "/admin/delays/" + std::to_string(flagId);
    const std::string otherPage =
        "/admin/delays/" + std::to_string(flags.flagsOfCluster(elsewhere).at(0).id);

    // The overview lists what the official answers for, and only that.
    const auto overview = getAs(running.port(), official, "/admin/delays");
    REQUIRE(overview.status == 200);
    CHECK(contains(overview.body, "href=\"" + page + "\""));
    CHECK_FALSE(contains(overview.body, "href=\"" + otherPage + "\""));
    CHECK(contains(overview.body, "Số cảnh báo đang mở: 1."));
    CHECK(getAs(running.port(), developer, "/admin/delays").status == 403);
    CHECK(getAs(running.port(), official, otherPage).status == 403);
    CHECK(contains(getAs(running.port(), official, "/admin").body, "href=\"/admin/delays\""));
    CHECK_FALSE(
        contains(getAs(running.port(), developer, "/admin").body, "href=\"/admin/delays\""));

    CHECK(contains(getAs(running.port(), official, "/admin").body,
                   "/admin/clusters/huu-bang/delays"));
    const auto list = getAs(running.port(), official, "/admin/clusters/huu-bang/delays");
    REQUIRE(list.status == 200);
    CHECK(contains(list.body, "href=\"" + page + "\""));
    CHECK(getAs(running.port(), developer, page).status == 403); // not the developer's to answer

    const auto form = getAs(running.port(), official, page);
    REQUIRE(form.status == 200);
    const std::string version = hiddenValue(form.body, "version");
    CHECK(version == "1");

    // No comment: refused with a message, nothing recorded.
    const auto empty =
        postForm(running.port(), official, page, {{"comment", "  "}, {"version", version}});
    CHECK(empty.status == 422);
    CHECK_FALSE(flags.findFlag(flagId)->acknowledgedOn.has_value());
    CHECK(auditOf(running, "delay_flag").empty());

    const std::string comment = "Đã họp với chủ đầu tư <ngày 25/11>, cam kết báo cáo tuần này";
    const auto saved =
        postForm(running.port(), official, page, {{"comment", comment}, {"version", version}});
    CHECK(saved.status == 303);
    CHECK(saved.location == "/admin/clusters/huu-bang/delays");
    const auto flag = *flags.findFlag(flagId);
    CHECK(flag.acknowledgedBy == "quan");
    CHECK(flag.acknowledgedOn == Date{2026, 11, 27});
    CHECK(flag.acknowledgement == comment);
    const auto audit = auditOf(running, "delay_flag");
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].actor == "quan@example.vn");
    CHECK(audit[0].clusterId == cluster.id);
    for (const std::string path : {"/clusters/huu-bang", "/delays"})
    {
        const auto body = httpGet(running.port(), path).body;
        INFO(path);
        CHECK(contains(body, "Đã họp với chủ đầu tư &lt;ngày 25/11&gt;"));
        CHECK_FALSE(contains(body, "quan@example.vn")); // a name, never an email
    }

    // The API: the same rules, and the flag as the delays API shows it.
    const auto answered = sendJson(running.port(), official, "POST",
                                   "/api/v1/delays/" + std::to_string(flagId) + "/acknowledge",
                                   "{\"comment\":\"Nhà thầu đã tăng ca\"}");
    REQUIRE(answered.status == 200);
    CHECK(answered.json()
              ->getObject("delay")
              ->getObject("acknowledged")
              ->getValue<std::string>("comment") == "Nhà thầu đã tăng ca");
    CHECK(contains(auditOf(running, "delay_flag").at(0).changes, "Nhà thầu đã tăng ca"));
    CHECK(sendJson(running.port(), developer, "POST",
                   "/api/v1/delays/" + std::to_string(flagId) + "/acknowledge",
                   "{\"comment\":\"x\"}")
              .status == 403);
    CHECK(sendJson(running.port(), official, "POST", "/api/v1/delays/999999/acknowledge",
                   "{\"comment\":\"x\"}")
              .status == 404);

    // Two officials at once: the form drawn up before the other's save is refused with what
    // they wrote, and comes back on the newer version so that saving again is deliberate.
    auto city = createPerson(running, "thanhpho@example.vn", Role::CityOfficial);
    signIn(running.port(), city);
    const auto mine = getAs(running.port(), official, page);
    REQUIRE(sendJson(running.port(), city, "POST",
                     "/api/v1/delays/" + std::to_string(flagId) + "/acknowledge",
                     "{\"comment\":\"Thành phố đã chỉ đạo\",\"version\":" +
                         hiddenValue(mine.body, "version") + "}")
                .status == 200);
    const auto overwritten =
        postForm(running.port(), official, page,
                 {{"comment", "Ý kiến của quận"}, {"version", hiddenValue(mine.body, "version")}});
    CHECK(overwritten.status == 409);
    CHECK(contains(overwritten.body, "Thành phố đã chỉ đạo"));
    CHECK(contains(overwritten.body, "Ý kiến của quận"));
    CHECK(flags.findFlag(flagId)->acknowledgement == "Thành phố đã chỉ đạo");
    const auto staleApi = sendJson(running.port(), official, "POST",
                                   "/api/v1/delays/" + std::to_string(flagId) + "/acknowledge",
                                   "{\"comment\":\"x\",\"version\":1}");
    CHECK(staleApi.status == 409);
    CHECK(postForm(running.port(), official, page,
                   {{"comment", "Ý kiến của quận"},
                    {"version", hiddenValue(overwritten.body, "version")}})
              .status == 303);
    CHECK(flags.findFlag(flagId)->acknowledgement == "Ý kiến của quận");

    // A resolved flag has nothing left to acknowledge.
    flags.applyScan({}, Date{2026, 11, 26});
    const auto late = postForm(
        running.port(), official, page,
        {{"comment", "Muộn"}, {"version", std::to_string(flags.findFlag(flagId)->version)}});
    CHECK(late.status == 422);
    CHECK(contains(late.body, "Cảnh báo này đã hết"));
    CHECK(contains(getAs(running.port(), official, page).body, "Cảnh báo này đã hết"));
    CHECK(flags.findFlag(flagId)->acknowledgement == "Ý kiến của quận");
}

TEST_CASE("the delay overview lists the 300 most urgent flags and says how many more there are",
          "[office][db]")
{
    RunningServer running;
    auto city = createPerson(running, "thanhpho@example.vn", Role::CityOfficial);
    signIn(running.port(), city);
    std::vector<DelayFinding> findings;
    for (int i = 0; i < 302; ++i)
    {
        DelayFinding overdue;
        overdue.rule = DelayRuleKind::OverdueWorkItem;
        overdue.subject = "item:" + std::to_string(i) + ":other";
        overdue.measure = "late";
        findings.push_back(overdue);
    }
    persistence::DelayFlagRepository(running.storage.database())
        .applyScan({{huuBang(running).cluster.id, findings}}, Date{2026, 11, 20});
    const auto overview = getAs(running.port(), city, "/admin/delays");
    REQUIRE(overview.status == 200);
    CHECK(contains(overview.body, "Số cảnh báo đang mở: 302."));
    CHECK(contains(overview.body, "Còn 2 cảnh báo ít khẩn cấp hơn"));
    std::size_t rows = 0;
    for (auto at = overview.body.find("href=\"/admin/delays/"); at != std::string::npos;
         at = overview.body.find("href=\"/admin/delays/", at + 1))
        ++rows;
    CHECK(rows == 300);
}

TEST_CASE("sign-in sends people on only to a path of this site", "[office][db]")
{
    RunningServer running;
    createPerson(running, "quan@example.vn", Role::Viewer);
    const auto landing = [&](const std::string& next)
    {
        const auto result = attemptSignIn(running.port(), "quan@example.vn", kTestPassword, next);
        REQUIRE(result.status == 303);
        return result.location;
    };
    CHECK(landing("/clusters/huu-bang?lang=en") == "/clusters/huu-bang?lang=en");
    for (const std::string next : {"https://evil.example/", "//evil.example", "/\\evil.example",
                                   "/\t/evil.example", "/\n/evil.example", "evil.example", ""})
    {
        INFO("next=" << next);
        CHECK(landing(next) == "/admin");
    }
}

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
                     "{\"date\":\"2026-11-27\",\"disbursed_vnd\":10}")
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
