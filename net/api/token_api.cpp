// The caller's own API tokens: list, make (the secret shown in that answer only), revoke.
#include "net/access/auth.h"
#include "net/api/reads.h"
#include "net/api/write_route.h"
#include "net/api/writes.h"
#include "net/http/responses.h"
#include "net/operations/token_operations.h"
#include "tracker/clock.h"
#include "tracker/text_checks.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace tracker::net
{
using Poco::Dynamic::Var;
using Poco::JSON::Object;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

namespace
{
Var instant(const std::optional<long long>& unixSeconds)
{
    return unixSeconds ? Var(rfc3339InHanoi(*unixSeconds)) : Var();
}

Object tokenJson(const persistence::TokenRecord& token, long long now)
{
    Object out;
    out.set("id", static_cast<Poco::Int64>(token.id));
    out.set("name", token.name);
    out.set("created_at", token.createdAt);
    out.set("expires_at", instant(token.expiresAt));
    out.set("last_used_at", instant(token.lastUsedAt));
    out.set("revoked_at", token.revokedAt.empty() ? Var() : Var(token.revokedAt));
    out.set("state", std::string(tokenState(token, now)));
    return out;
}
} // namespace

void listTokens(SiteContext& site, HTTPServerRequest& request, HTTPServerResponse& response,
                const RouteMatch&)
{
    response.set("Cache-Control", "no-store");
    const Caller caller = identify(site, request);
    if (!caller.signedIn())
    {
        response.set("WWW-Authenticate", "Bearer realm=\"tracker\"");
        return sendJsonError(response, HTTPResponse::HTTP_UNAUTHORIZED, "unauthorized",
                             "Cần đăng nhập hoặc mã truy cập hợp lệ. A valid API token is "
                             "required.");
    }
    const long long now = site.clock.unixSeconds();
    Poco::JSON::Array list;
    for (const auto& token :
         persistence::TokenRepository(site.database).tokensOf(caller.account->id))
        list.add(tokenJson(token, now));
    Object out;
    out.set("tokens", list);
    sendJson(response, HTTPResponse::HTTP_OK, out);
}

void postToken(const Editor& editor, const WriteBody& body, const RouteMatch&,
               HTTPServerResponse& response)
{
    const auto result = issueToken(editor, field(body, "name"), field(body, "days"),
                                   editor.viaToken ? editor.tokenExpiresAt : std::nullopt);
    if (!answerFailure(result.status, result.errors, {}, Object(), response))
        return;
    Object out;
    out.set("token", tokenJson(result.record.record, editor.clock.unixSeconds()));
    out.set("secret", result.record.secret);
    sendJson(response, HTTPResponse::HTTP_CREATED, out);
}

void deleteToken(const Editor& editor, const WriteBody&, const RouteMatch& match,
                 HTTPServerResponse& response)
{
    const auto id = parseWholeNumberOrZero(match.parameters.at("id"));
    const auto result = revokeToken(editor, id);
    if (!answerFailure(result.status, result.errors, {}, Object(), response))
        return;
    Object out;
    out.set("token", tokenJson(result.record, editor.clock.unixSeconds()));
    sendJson(response, HTTPResponse::HTTP_OK, out);
}

} // namespace tracker::net
