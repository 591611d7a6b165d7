// People manage their own API tokens in the back office and through the API: made with a
// name and an expiry, the secret shown once, listed with their last use, revoked one by one.
#include "net/access/credentials.h"
#include "office/office_helpers.h"
#include "persistence/token_repository.h"
#include "support/office_client.h"

#include <catch2/catch.hpp>

using namespace tracker;
using namespace tracker::testing;

namespace
{
std::string secretIn(const std::string& html)
{
    const std::string open = "<code class=\"secret\">";
    const auto start = html.find(open);
    if (start == std::string::npos)
        return "";
    const auto end = html.find("</code>", start);
    return html.substr(start + open.size(), end - start - open.size());
}

HttpResult withToken(RunningServer& running, const std::string& token, const std::string& method,
                     const std::string& path, const std::string& json = "")
{
    Person bearer;
    bearer.token = token;
    return sendJson(running.port(), bearer, method, path, json);
}

std::string auditText(RunningServer& running)
{
    std::string all;
    for (const auto& entry : auditOf(running, "api_token"))
        all += entry.action + " " + entry.changes + "\n";
    return all;
}
} // namespace

TEST_CASE("a developer makes, uses and revokes a named token in the back office",
          "[office][db][tokens]")
{
    RunningServer running;
    auto developer = createPerson(running, "dev@example.vn", Role::Developer, {}, {"huu-bang"});
    signIn(running.port(), developer);
    // The test account comes with one token, made on the command line before tokens had
    // names: listed with a dash for its name.
    const auto first = getAs(running.port(), developer, "/admin/tokens");
    REQUIRE(first.status == 200);
    CHECK(contains(first.body, "<td>—</td>"));
    CHECK_FALSE(contains(first.body, "Tài khoản này chưa có mã nào."));
    persistence::TokenRepository repository(running.storage.database());
    REQUIRE(repository.tokensOf(developer.account.id).size() == 1);
    CHECK(contains(getAs(running.port(), developer, "/admin").body, "href=\"/admin/tokens\""));

    // Bad input: said in Vietnamese, nothing made.
    const auto unnamed =
        postForm(running.port(), developer, "/admin/tokens", {{"name", ""}, {"days", "30"}});
    CHECK(unnamed.status == 422);
    CHECK(contains(unnamed.body, "Bắt buộc nhập."));
    const auto tooLong =
        postForm(running.port(), developer, "/admin/tokens", {{"name", "Excel"}, {"days", "4000"}});
    CHECK(tooLong.status == 422);
    CHECK(contains(tooLong.body, "value=\"4000\"")); // what was typed comes back
    CHECK(repository.tokensOf(developer.account.id).size() == 1);
    CHECK(postForm(running.port(), developer, "/admin/tokens",
                   {{"name", "Excel"}, {"days", "30"}, {"csrf", "wrong"}})
              .status == 403);

    const auto made = postForm(running.port(), developer, "/admin/tokens",
                               {{"name", "Excel của phòng Kinh tế"}, {"days", "30"}});
    REQUIRE(made.status == 200);
    const auto secret = secretIn(made.body);
    REQUIRE(secret.size() >= 32);
    CHECK(contains(made.body, "chỉ hiện một lần"));
    CHECK(contains(made.body, "Excel của phòng Kinh tế"));
    CHECK(contains(made.body, "Chưa dùng"));
    CHECK(made.cacheControl == "no-store");
    // Shown once: the list never shows it again, and the audit holds neither it nor its hash.
    const auto listed = getAs(running.port(), developer, "/admin/tokens");
    CHECK_FALSE(contains(listed.body, secret));
    CHECK(contains(auditText(running), "Excel của phòng Kinh tế"));
    CHECK_FALSE(contains(auditText(running), secret));
    CHECK_FALSE(contains(auditText(running), net::digestOf(secret)));

    // The token works, and its use is recorded.
    const auto mine = withToken(running, secret, "GET", "/api/v1/tokens");
    REQUIRE(mine.status == 200);
    const auto tokens = mine.json()->getArray("tokens");
    REQUIRE(tokens->size() == 2);
    const auto token = tokens->getObject(0); // newest first
    CHECK(token->getValue<std::string>("name") == "Excel của phòng Kinh tế");
    CHECK(token->getValue<std::string>("state") == "active");
    CHECK_FALSE(token->isNull("last_used_at"));
    const auto expires = token->getValue<std::string>("expires_at");
    CHECK(expires.size() == 25);
    CHECK(expires.substr(19) == "+07:00");
    const auto never = [&]
    {
        const auto page = getAs(running.port(), developer, "/admin/tokens").body;
        std::size_t count = 0;
        for (auto at = page.find("Chưa dùng"); at != std::string::npos;
             at = page.find("Chưa dùng", at + 1))
            ++count;
        return count;
    };
    CHECK(never() == 1); // only the helper's unused token now

    // Someone else cannot revoke it; its owner can, and it stops working at once.
    auto other = createPerson(running, "other@example.vn", Role::Developer, {}, {"huu-bang"});
    signIn(running.port(), other);
    const auto id = std::to_string(token->getValue<long long>("id"));
    CHECK(postForm(running.port(), other, "/admin/tokens/" + id + "/revoke", {}).status == 404);
    CHECK(withToken(running, secret, "GET", "/api/v1/tokens").status == 200);
    CHECK(postForm(running.port(), developer, "/admin/tokens/" + id + "/revoke", {}).status == 303);
    CHECK(withToken(running, secret, "GET", "/api/v1/tokens").status == 401);
    CHECK(withToken(running, secret, "POST", "/api/v1/clusters/huu-bang/tenants", "{}").status ==
          401);
    CHECK(contains(getAs(running.port(), developer, "/admin/tokens").body, "Đã thu hồi"));
    CHECK(contains(auditText(running), "revoke"));
}

TEST_CASE("the API lists, makes and revokes the caller's tokens", "[office][db][tokens]")
{
    RunningServer running;
    auto official = createPerson(running, "xa@example.vn", Role::CityOfficial);
    CHECK(httpGet(running.port(), "/api/v1/tokens").status == 401);

    // The person's first token (90 days) makes a second; it may not outlive the first.
    const auto refused = sendJson(running.port(), official, "POST", "/api/v1/tokens",
                                  "{\"name\":\"Kịch bản nhập liệu\",\"days\":365}");
    CHECK(refused.status == 422);
    CHECK(contains(refused.body, "outlive"));
    CHECK(sendJson(running.port(), official, "POST", "/api/v1/tokens", "{\"days\":30}").status ==
          422);
    const auto made = sendJson(running.port(), official, "POST", "/api/v1/tokens",
                               "{\"name\":\"Kịch bản nhập liệu\",\"days\":30}");
    REQUIRE(made.status == 201);
    const auto secret = made.json()->getValue<std::string>("secret");
    const auto token = made.json()->getObject("token");
    CHECK(token->getValue<std::string>("state") == "active");
    CHECK(token->isNull("last_used_at"));
    const auto id = std::to_string(token->getValue<long long>("id"));
    const auto listed = withToken(running, secret, "GET", "/api/v1/tokens");
    REQUIRE(listed.status == 200);
    CHECK(listed.json()->getArray("tokens")->size() == 2);
    CHECK_FALSE(contains(listed.body, secret));

    // Revoked with DELETE and no body; again is a 422; another's token is a 404.
    auto other = createPerson(running, "khac@example.vn", Role::CityOfficial);
    CHECK(sendJson(running.port(), other, "DELETE", "/api/v1/tokens/" + id, "").status == 404);
    const auto revoked = sendJson(running.port(), official, "DELETE", "/api/v1/tokens/" + id, "");
    REQUIRE(revoked.status == 200);
    CHECK(revoked.json()->getObject("token")->getValue<std::string>("state") == "revoked");
    CHECK(withToken(running, secret, "GET", "/api/v1/tokens").status == 401);
    CHECK(sendJson(running.port(), official, "DELETE", "/api/v1/tokens/" + id, "").status == 422);
    CHECK(sendJson(running.port(), official, "GET", "/api/v1/tokens", "").status == 200);
}
