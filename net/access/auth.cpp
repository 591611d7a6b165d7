#include "net/access/auth.h"

#include "net/access/credentials.h"
#include "net/http/request_context.h"
#include "persistence/account_repository.h"
#include "persistence/sign_in_repository.h"
#include "tracker/text_checks.h"

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/NameValueCollection.h>
#include <algorithm>

namespace tracker::net
{
namespace
{
std::string bearerToken(const Poco::Net::HTTPServerRequest& request)
{
    const std::string header = request.get("Authorization", "");
    const std::string scheme = "Bearer ";
    if (header.size() <= scheme.size() || header.compare(0, scheme.size(), scheme) != 0)
        return {};
    return header.substr(scheme.size());
}

std::string sessionCookie(const Poco::Net::HTTPServerRequest& request)
{
    if (!request.has("Cookie"))
        return {};
    Poco::Net::NameValueCollection cookies;
    request.getCookies(cookies);
    return cookies.get(kSessionCookie, "");
}

Poco::Net::HTTPCookie cookie(const std::string& value, const AuthSettings& settings)
{
    Poco::Net::HTTPCookie c(kSessionCookie, value);
    c.setPath("/");
    c.setHttpOnly(true);
    c.setSecure(settings.secureCookies);
    c.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_LAX);
    return c;
}
} // namespace

std::string clientAddress(const Poco::Net::HTTPServerRequest& request, const AuthSettings& auth)
{
    const std::string peer = request.clientAddress().host().toString();
    const auto trusted = [&](const std::string& address)
    {
        return std::find(auth.trustedProxies.begin(), auth.trustedProxies.end(), address) !=
               auth.trustedProxies.end();
    };
    if (!trusted(peer) || !request.has("X-Forwarded-For"))
        return peer;
    // Read from the right: each proxy appends the address it heard from.
    const auto hops = commaList(request.get("X-Forwarded-For"));
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop)
    {
        if (trusted(*hop))
            continue;
        Poco::Net::IPAddress parsed;
        return Poco::Net::IPAddress::tryParse(*hop, parsed) ? parsed.toString() : peer;
    }
    return peer;
}

Caller identify(SiteContext& ctx, const Poco::Net::HTTPServerRequest& request)
{
    Caller caller;
    persistence::AccountRepository accounts(ctx.database);
    persistence::SignInRepository signIns(ctx.database);
    if (const std::string token = bearerToken(request); !token.empty())
    {
        caller.viaToken = true;
        if (const auto live = signIns.userOfToken(digestOf(token), ctx.clock.unixSeconds()))
        {
            caller.account = accounts.findById(live->userId);
            caller.tokenExpiresAt = live->expiresAt;
        }
        if (caller.account)
            currentRequest().accountId = caller.account->id;
        return caller;
    }
    const std::string secret = sessionCookie(request);
    if (secret.empty())
        return caller;
    caller.sessionHash = digestOf(secret);
    const auto session = signIns.findSession(caller.sessionHash, ctx.clock.unixSeconds());
    if (!session)
        return caller;
    caller.account = accounts.findById(session->userId);
    caller.csrfToken = session->csrfToken;
    if (caller.account)
        currentRequest().accountId = caller.account->id;
    return caller;
}

bool csrfMatches(const Caller& caller, const std::string& submitted)
{
    return !caller.viaToken && sameSecret(caller.csrfToken, submitted);
}

std::string startSession(SiteContext& ctx, const AuthSettings& settings, const Account& account,
                         const Poco::Net::HTTPServerRequest& request,
                         Poco::Net::HTTPServerResponse& response)
{
    const std::string secret = newSecret();
    const std::string csrf = newSecret();
    const long long now = ctx.clock.unixSeconds();
    persistence::SignInRepository(ctx.database)
        .createSession(digestOf(secret), account.id, csrf, now,
                       now + settings.sessionHours * 3600LL, clientAddress(request, settings));
    response.addCookie(cookie(secret, settings));
    return csrf;
}

void endSession(SiteContext& ctx, const Caller& caller, const AuthSettings& settings,
                Poco::Net::HTTPServerResponse& response)
{
    if (!caller.sessionHash.empty())
        persistence::SignInRepository(ctx.database).deleteSession(caller.sessionHash);
    auto expired = cookie("", settings);
    expired.setMaxAge(0);
    response.addCookie(expired);
}

std::chrono::milliseconds staleAllowedFor(const Poco::Net::HTTPServerRequest& request)
{
    if (request.has("Authorization"))
        return std::chrono::milliseconds(0);
    Poco::Net::NameValueCollection cookies;
    request.getCookies(cookies);
    return cookies.has(kSessionCookie) ? std::chrono::milliseconds(0)
                                       : std::chrono::milliseconds(1000);
}

Editor editorFor(SiteContext& site, const Account& account,
                 const Poco::Net::HTTPServerRequest& request)
{
    return Editor{site.database,
                  site.clock,
                  [&site](const std::string& code) { site.cache.invalidateClusters({code}); },
                  account,
                  clientAddress(request, site.auth),
                  std::nullopt};
}

} // namespace tracker::net
