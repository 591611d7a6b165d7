#include "net/access/form_token.h"

#include "net/access/credentials.h"

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>

namespace tracker::net
{
namespace
{
constexpr const char* kFormCookie = "tracker_form";

std::string cookieToken(const Poco::Net::HTTPServerRequest& request)
{
    if (!request.has("Cookie"))
        return {};
    Poco::Net::NameValueCollection cookies;
    request.getCookies(cookies);
    const std::string token = cookies.get(kFormCookie, "");
    // Only a token this code could have made: 64 hex digits.
    const bool wellFormed =
        token.size() == 64 && token.find_first_not_of("0123456789abcdef") == std::string::npos;
    return wellFormed ? token : std::string();
}
} // namespace

std::string issueFormToken(const Poco::Net::HTTPServerRequest& request,
                           Poco::Net::HTTPServerResponse& response, bool secureCookie)
{
    const std::string existing = cookieToken(request);
    const std::string token = existing.empty() ? newSecret() : existing;
    Poco::Net::HTTPCookie cookie(kFormCookie, token);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSecure(secureCookie);
    cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
    response.addCookie(cookie);
    return token;
}

bool formTokenMatches(const Poco::Net::HTTPServerRequest& request, const std::string& submitted)
{
    const std::string token = cookieToken(request);
    return !token.empty() && sameSecret(token, submitted);
}

} // namespace tracker::net
