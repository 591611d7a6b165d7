#include "net/pages/page_frame.h"

#include "net/access/auth.h"
#include "net/http/bounded_body.h"
#include "net/http/cached_route.h"
#include "net/views/cluster_query.h"
#include "net/views/labels.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/URI.h>
#include <algorithm>

namespace tracker::net
{

Language chooseLanguage(const Poco::Net::HTTPServerRequest& request,
                        const Poco::Net::HTMLForm& form, Poco::Net::HTTPServerResponse& response)
{
    if (const auto asked = languageFromCode(form.get("lang", "")))
    {
        Poco::Net::HTTPCookie cookie("lang", std::string(code(*asked)));
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_LAX);
        response.addCookie(cookie);
        return *asked;
    }
    if (!request.has("Cookie"))
        return Language::Vi;
    Poco::Net::NameValueCollection cookies;
    request.getCookies(cookies);
    return languageFromCode(cookies.get("lang", "vi")).value_or(Language::Vi);
}

namespace
{
// The path as a link back to this site: percent-encoded again, and "/" for anything a
// browser could read as another site ("//evil.example", "/\\evil.example", "/<TAB>/…": the
// 404 page echoed such paths into its language link).
std::string localPath(const std::string& decoded)
{
    const bool offSite =
        decoded.empty() || decoded.front() != '/' ||
        (decoded.size() > 1 && (decoded[1] == '/' || decoded[1] == '\\')) ||
        decoded.find('\\') != std::string::npos ||
        std::any_of(decoded.begin(), decoded.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
    if (offSite)
        return "/";
    std::string encoded;
    Poco::URI::encode(decoded, "?#\"'<> ", encoded);
    return encoded;
}
} // namespace

kainjow::mustache::data layoutData(Language language, const std::string& title,
                                   const std::string& path, const Poco::Net::HTMLForm& form)
{
    kainjow::mustache::data layout;
    layout.set("lang", std::string(code(language)));
    layout.set("title", title);
    // The other language's link keeps the page and its query.
    std::string query;
    for (const auto& [key, value] : form)
    {
        if (key == "lang")
            continue;
        std::string k, v;
        Poco::URI::encode(key, "&=+?#/ ", k);
        Poco::URI::encode(value, "&=+?#/ ", v);
        query += k + "=" + v + "&";
    }
    layout.set("other_lang_href",
               localPath(path) + "?" + query + "lang=" + (language == Language::Vi ? "en" : "vi"));
    return layout;
}

std::string PageRequest::render(const std::string& templateName,
                                const kainjow::mustache::data& view, const std::string& title) const
{
    // The page's own links (downloads, the feed) carry the language too.
    kainjow::mustache::data content = view;
    if (content.is_object())
        content.set("lang", std::string(code(language)));
    return site.templates.renderPage(templateName, content, layoutData(language, title, path, form),
                                     pageLabels(language));
}

RouteAction cachedPage(SiteContext& site, PageRender render, RouteParameters parameters)
{
    return [&site, render, parameters](Poco::Net::HTTPServerRequest& request,
                                       Poco::Net::HTTPServerResponse& response,
                                       const RouteMatch& match)
    {
        Poco::Net::HTMLForm form;
        loadQuery(form, request);
        requireOneOf(form, "lang", {"vi", "en"}); // ?lang=xx is a 400, not Vietnamese
        const Language language = chooseLanguage(request, form, response);
        const RouteQuery query(form, parameters);
        const std::string path = Poco::URI(request.getURI()).getPath();
        const std::string key = "page|" + path + "?" + query.key + "|" +
                                std::string(code(language)) + "|" + site.clock.todayInHanoi().iso();
        respondCached(
            site.cache, key, request, response,
            [&]
            {
                PageRequest page{site, query.form, match, language, path};
                Rendered rendered;
                rendered.contentType = "text/html; charset=utf-8";
                rendered.body = render(page);
                rendered.status = page.status;
                return rendered;
            },
            cacheScope(match.parameters), staleAllowedFor);
    };
}

} // namespace tracker::net
