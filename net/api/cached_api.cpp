#include "net/api/cached_api.h"

#include "net/access/auth.h"
#include "net/api/json_views.h"
#include "net/http/bounded_body.h"
#include "net/http/responses.h"
#include "net/views/cluster_query.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

namespace tracker::net
{
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

RouteAction cachedApi(SiteContext& site, ApiRender render, RouteParameters parameters)
{
    return [&site, render, parameters](HTTPServerRequest& request, HTTPServerResponse& response,
                                       const RouteMatch& match)
    {
        Poco::Net::HTMLForm form;
        loadQuery(form, request);
        const RouteQuery query(form, parameters);
        const std::string key = "api|" + Poco::URI(request.getURI()).getPath() + "?" + query.key +
                                "|" + site.clock.todayInHanoi().iso();
        respondCached(
            site.cache, key, request, response, [&] { return render(site, query.form, match); },
            cacheScope(match.parameters), staleAllowedFor);
    };
}

Rendered json(const Poco::JSON::Object& body, HTTPResponse::HTTPStatus status)
{
    return Rendered{toJsonText(body), kJson, status, {}};
}

Rendered jsonError(HTTPResponse::HTTPStatus status, const std::string& code,
                   const std::string& message)
{
    return json(errorBody(status, code, message), status);
}

void setPaging(Poco::JSON::Object& body, std::size_t total, const PageSlice& slice, int perPage)
{
    body.set("total", static_cast<Poco::Int64>(total));
    body.set("page", slice.page);
    body.set("per_page", perPage);
    body.set("pages", slice.pages);
}

Language requestedLanguage(const Poco::Net::HTMLForm& form)
{
    requireOneOf(form, "lang", {"vi", "en"});
    return languageFromCode(form.get("lang", "vi")).value_or(Language::Vi);
}

} // namespace tracker::net
