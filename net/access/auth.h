#pragma once

#include "net/access/auth_settings.h"
#include "net/operations/edit_operations.h"
#include "net/site_context.h"
#include "tracker/roles.h"

#include <chrono>
#include <optional>
#include <string>

namespace Poco::Net
{
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Poco::Net

namespace tracker::net
{

constexpr const char* kSessionCookie = "tracker_session";

// Who sent a request: a browser session (cookie) or an API token (Authorization: Bearer).
struct Caller
{
    std::optional<Account> account;
    bool viaToken = false;
    // Via a token: when it expires (none for tokens made before expiry). A token may make
    // others, but none that outlives it.
    std::optional<long long> tokenExpiresAt;
    std::string sessionHash; // of the session cookie, to log out
    std::string csrfToken;   // the session's, for forms
    bool signedIn() const { return account.has_value(); }
};

Caller identify(SiteContext& ctx, const Poco::Net::HTTPServerRequest& request);
// A session's form must echo its CSRF token; token calls carry no ambient authority.
bool csrfMatches(const Caller& caller, const std::string& submitted);
// The client's address: the peer's, or when the peer is a trusted proxy the last address in
// X-Forwarded-For that is not itself a trusted proxy.
std::string clientAddress(const Poco::Net::HTTPServerRequest& request, const AuthSettings& auth);
// How stale a cached answer this request may get while a fresh one renders: up to 1 s for
// an anonymous visitor; none for a request with a session cookie or a token, whose sender
// may just have written and must see it (read-your-writes).
std::chrono::milliseconds staleAllowedFor(const Poco::Net::HTTPServerRequest& request);
// An identified account writing through this site: its edits empty the site's page cache.
Editor editorFor(SiteContext& site, const Account& account,
                 const Poco::Net::HTTPServerRequest& request);

// Starts a session and sets its cookie; returns the session's CSRF token.
std::string startSession(SiteContext& ctx, const AuthSettings& settings, const Account& account,
                         const Poco::Net::HTTPServerRequest& request,
                         Poco::Net::HTTPServerResponse& response);
void endSession(SiteContext& ctx, const Caller& caller, const AuthSettings& settings,
                Poco::Net::HTTPServerResponse& response);

} // namespace tracker::net
