#pragma once

#include "net/http/cached_route.h"
#include "net/http/router.h"
#include "net/site_context.h"
#include "net/views/locale.h"

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPResponse.h>
#include <string>

namespace Poco::Net
{
class HTMLForm;
}

namespace tracker::net
{

struct PageSlice;

constexpr const char* kJson = "application/json; charset=utf-8";

// A GET of the API (or a download) answered from the page cache: the key is the full URI
// and today's date, and the render runs only on a miss.
// `parameters`: the query parameters the route reads; others are ignored.
using ApiRender = Rendered (*)(SiteContext&, const Poco::Net::HTMLForm&, const RouteMatch&);
RouteAction cachedApi(SiteContext& site, ApiRender render, RouteParameters parameters = {});

Rendered json(const Poco::JSON::Object& body,
              Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK);
Rendered jsonError(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& code,
                   const std::string& message);
void setPaging(Poco::JSON::Object& body, std::size_t total, const PageSlice& slice, int perPage);
Language requestedLanguage(const Poco::Net::HTMLForm& form);

} // namespace tracker::net
