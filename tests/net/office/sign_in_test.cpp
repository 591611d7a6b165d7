// CSRF, sign-in throttling, sessions, deactivation, rights that follow a change, and
// where sign-in sends people on.
#include "net/operations/edit_operations.h"
#include "office/office_helpers.h"
#include "persistence/audit_repository.h"
#include "persistence/baseline_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/registry_repository.h"
#include "support/office_client.h"

#include <catch2/catch.hpp>
#include <future>
#include <vector>

using namespace tracker;
using namespace tracker::testing;

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

TEST_CASE("sign-in: someone else's guesses never lock the owner out, delays grow, then pass",
          "[office][db][security]")
{
    RunningServer running("demo", [](net::ServerSettings& settings)
                          { settings.auth.trustedProxies = {"127.0.0.1"}; });
    createPerson(running, "owner@example.vn", Role::Viewer);
    const std::string attacker = "203.0.113.9", owner = "198.51.100.7";
    for (int i = 0; i < 5; ++i)
        CHECK(attemptSignIn(running.port(), "owner@example.vn", "guess " + std::to_string(i),
                            "/admin", attacker)
                  .status == 401);
    const auto waiting =
        attemptSignIn(running.port(), "owner@example.vn", "guess 6", "/admin", attacker);
    CHECK(waiting.status == 429);
    // The owner, from their own address, is not held up by the attacker's guesses.
    CHECK(
        attemptSignIn(running.port(), "owner@example.vn", kTestPassword, "/admin", owner).status ==
        303);
    // From the attacker's address the wait is short and grows: 1 s after the fifth failure.
    running.clock.advance(1);
    CHECK(attemptSignIn(running.port(), "owner@example.vn", "guess 7", "/admin", attacker).status ==
          401);
    CHECK(attemptSignIn(running.port(), "owner@example.vn", "guess 8", "/admin", attacker).status ==
          429); // now 2 s
    running.clock.advance(2);
    CHECK(attemptSignIn(running.port(), "owner@example.vn", kTestPassword, "/admin", attacker)
              .status == 303); // the right password, once the wait is over, from anywhere
    // X-Forwarded-For from a peer that is not a trusted proxy is ignored.
    RunningServer direct;
    createPerson(direct, "owner@example.vn", Role::Viewer);
    for (int i = 0; i < 5; ++i)
        attemptSignIn(direct.port(), "owner@example.vn", "x", "/admin",
                      "203.0.113." + std::to_string(i));
    CHECK(attemptSignIn(direct.port(), "owner@example.vn", kTestPassword, "/admin", owner).status ==
          429); // all five came from 127.0.0.1, whatever the header said
}

TEST_CASE("sign-in: concurrent guesses are counted before any is checked", "[office][db][security]")
{
    RunningServer running;
    createPerson(running, "target@example.vn", Role::Viewer);
    std::vector<std::future<int>> guesses;
    for (int i = 0; i < 16; ++i)
        guesses.push_back(std::async(std::launch::async,
                                     [&running, i]
                                     {
                                         return attemptSignIn(running.port(), "target@example.vn",
                                                              "guess " + std::to_string(i))
                                             .status;
                                     }));
    int checked = 0, waited = 0;
    for (auto& guess : guesses)
    {
        const int status = guess.get();
        checked += status == 401 ? 1 : 0;
        waited += status == 429 ? 1 : 0;
    }
    CHECK(checked <= 5); // the account's free failures; every other guess waits unchecked
    CHECK(checked + waited == 16);
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
    const std::string report = "{\"date\":\"2026-11-20\",\"confirm\":\"1\",\"confirm_reason\":\"dữ "
                               "liệu thử\",\"disbursed_vnd\":1}";
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
    const std::string report = "{\"date\":\"2026-11-20\",\"confirm\":\"1\",\"confirm_reason\":\"dữ "
                               "liệu thử\",\"disbursed_vnd\":1}";
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

TEST_CASE("changing the password ends every other session and every API token", "[office][db]")
{
    RunningServer running;
    auto first = createPerson(running, "p@example.vn", Role::Developer, {}, {"huu-bang"});
    const std::string report =
        R"({"date":"2026-11-20","confirm":"1","confirm_reason":"dữ liệu thử","disbursed_vnd":1})";
    REQUIRE(sendJson(running.port(), first, "POST", "/api/v1/clusters/huu-bang/reports", report)
                .status == 201);
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
    CHECK(sendJson(running.port(), first, "POST", "/api/v1/clusters/huu-bang/reports", report)
              .status == 401); // the token died with the old password
}

TEST_CASE("an API token stops working when it expires", "[office][db]")
{
    RunningServer running;
    auto person = createPerson(running, "t@example.vn", Role::Developer, {}, {"huu-bang"});
    const std::string report =
        R"({"date":"2026-11-20","confirm":"1","confirm_reason":"dữ liệu thử","disbursed_vnd":1})";
    CHECK(sendJson(running.port(), person, "POST", "/api/v1/clusters/huu-bang/reports", report)
              .status == 201);
    running.clock.advance(91 * 86400); // the test token lasts 90 days
    CHECK(sendJson(running.port(), person, "POST", "/api/v1/clusters/huu-bang/reports", report)
              .status == 401);
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
