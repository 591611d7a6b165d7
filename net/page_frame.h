#pragma once

#include "net/locale.h"

#include <kainjow/mustache.hpp>
#include <string>

namespace Poco::Net
{
class HTMLForm;
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Poco::Net

namespace tracker::net
{

// The reader's language: ?lang= (then remembered in a cookie), the cookie, or Vietnamese.
Language chooseLanguage(const Poco::Net::HTTPServerRequest& request,
                        const Poco::Net::HTMLForm& form, Poco::Net::HTTPServerResponse& response);
// What the layout needs: language, title, and the link to the same page in the other language.
kainjow::mustache::data layoutData(Language language, const std::string& title,
                                   const std::string& path, const Poco::Net::HTMLForm& form);

} // namespace tracker::net
