#pragma once

#include "net/http/cached_route.h"
#include "net/http/router.h"
#include "net/site_context.h"
#include "net/views/locale.h"

#include <Poco/Net/HTTPResponse.h>
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

// One public page being rendered: what it may read, and the status it answers with.
struct PageRequest
{
    SiteContext& site;
    const Poco::Net::HTMLForm& form;
    const RouteMatch& match;
    Language language;
    std::string path;
    Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK;

    // The page in the site's layout, with the labels of the reader's language.
    std::string render(const std::string& templateName, const kainjow::mustache::data& view,
                       const std::string& title) const;
};

// A public page rendered through the cache: once per data version, day, language and URI,
// and answered with 304 when the browser has that version.
// `parameters`: the query parameters the page reads (besides lang); others are ignored.
using PageRender = std::string (*)(PageRequest&);
RouteAction cachedPage(SiteContext& site, PageRender render, RouteParameters parameters = {});

} // namespace tracker::net
