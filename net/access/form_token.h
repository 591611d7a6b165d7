#pragma once

#include <string>

namespace Poco::Net
{
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Poco::Net

namespace tracker::net
{

// Forms anyone may send without signing in (an enquiry, a subscription) have no session
// to hold a CSRF token. The page that shows one sets a fresh random token in a
// SameSite=Strict, HttpOnly cookie and in the form; a POST must bring both, equal (double
// submit): another site can make a browser post, but can neither read nor set the cookie.
// The browser's token when it has one (so that two tabs, or a form shown again after an
// error, keep working), otherwise a fresh one; set in the cookie either way.
std::string issueFormToken(const Poco::Net::HTTPServerRequest& request,
                           Poco::Net::HTTPServerResponse& response, bool secureCookie);
bool formTokenMatches(const Poco::Net::HTTPServerRequest& request, const std::string& submitted);

} // namespace tracker::net
