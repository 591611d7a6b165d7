#include "net/page_handlers.h"

#include "net/labels.h"
#include "net/page_views.h"
#include "net/text_search.h"
#include "persistence/cluster_repository.h"
#include "tracker/enums.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/URI.h>
#include <algorithm>
#include <fstream>
#include <iterator>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

Language chooseLanguage(const HTTPServerRequest& request, const Poco::Net::HTMLForm& form,
                        HTTPServerResponse& response)
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
    Poco::Net::NameValueCollection cookies;
    request.getCookies(cookies);
    return languageFromCode(cookies.get("lang", "vi")).value_or(Language::Vi);
}

void send(const HTTPServerRequest& request, HTTPServerResponse& response,
          const CachedResponse& page, HTTPResponse::HTTPStatus status = HTTPResponse::HTTP_OK)
{
    response.set("ETag", page.etag);
    response.set("Cache-Control", "no-cache");
    response.set("Vary", "Cookie");
    if (status == HTTPResponse::HTTP_OK && request.get("If-None-Match", "") == page.etag)
    {
        response.setStatusAndReason(HTTPResponse::HTTP_NOT_MODIFIED);
        response.send();
        return;
    }
    response.setStatusAndReason(status);
    response.setContentType(page.contentType);
    response.setContentLength(static_cast<std::streamsize>(page.body.size()));
    if (request.getMethod() == "HEAD")
        response.send();
    else
        response.send() << page.body;
}

data layoutData(Language language, const std::string& title, const std::string& path,
                const Poco::Net::HTMLForm& form)
{
    data layout;
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
               path + "?" + query + "lang=" + (language == Language::Vi ? "en" : "vi"));
    return layout;
}

// Renders through the cache: the key holds everything the page depends on.
template <typename Render>
void cachedPage(PageContext& ctx, HTTPServerRequest& request, HTTPServerResponse& response,
                Render render)
{
    Poco::Net::HTMLForm form(request);
    const Language language = chooseLanguage(request, form, response);
    const std::uint64_t version = ctx.cache.dataVersion();
    const std::string key =
        request.getURI() + "|" + std::string(code(language)) + "|" + ctx.clock.todayInHanoi().iso();
    auto page = ctx.cache.find(key);
    HTTPResponse::HTTPStatus status = HTTPResponse::HTTP_OK;
    if (!page)
    {
        std::string body = render(form, language, status);
        if (status != HTTPResponse::HTTP_OK)
        {
            CachedResponse uncached{body, "text/html; charset=utf-8", strongEtag(body, 0), 0};
            send(request, response, uncached, status);
            return;
        }
        page = ctx.cache.store(key, std::move(body), "text/html; charset=utf-8", version);
    }
    send(request, response, *page);
}

bool matchesText(const ClusterSummary& s, const std::string& foldedQuery)
{
    const Cluster& c = s.cluster;
    return matchesAllWords(
        foldForSearch(c.nameVi + " " + c.district + " " + c.commune + " " + c.developer),
        foldedQuery);
}

ClusterQuery readQuery(const Poco::Net::HTMLForm& form)
{
    ClusterQuery query;
    query.text = form.get("q", "");
    if (query.text.size() > 200) // cut long queries at a character boundary, not mid-UTF-8
    {
        std::size_t end = 200;
        while (end > 0 && (static_cast<unsigned char>(query.text[end]) & 0xC0) == 0x80)
            --end;
        query.text.resize(end);
    }
    query.district = form.get("district", "");
    query.status = projectStatusFromCode(form.get("status", "")) ? form.get("status") : "";
    query.behindOnly = form.get("behind", "") == "1";
    const std::string sort = form.get("sort", "name");
    if (sort == "progress" || sort == "gap" || sort == "area")
        query.sort = sort;
    try
    {
        query.page = std::max(1, std::stoi(form.get("page", "1")));
    }
    catch (const std::exception&)
    {
        query.page = 1; // a page number that is not a number shows the first page
    }
    return query;
}

std::vector<ClusterSummary> select(const std::vector<ClusterSummary>& all,
                                   const ClusterQuery& query,
                                   const std::vector<std::string>& tenantNamesByIndex)
{
    const std::string folded = foldForSearch(query.text);
    std::vector<ClusterSummary> matching;
    for (std::size_t i = 0; i < all.size(); ++i)
    {
        const auto& s = all[i];
        if (!query.district.empty() && s.cluster.district != query.district)
            continue;
        if (!query.status.empty() && code(s.cluster.status) != query.status)
            continue;
        if (query.behindOnly && !s.isBehind())
            continue;
        if (!query.text.empty() && !matchesText(s, folded) &&
            !matchesAllWords(foldForSearch(tenantNamesByIndex[i]), folded))
            continue;
        matching.push_back(s);
    }
    const auto byName = [](const ClusterSummary& a, const ClusterSummary& b)
    { return vietnameseLess(a.cluster.nameVi, b.cluster.nameVi); };
    if (query.sort == "progress")
        std::stable_sort(matching.begin(), matching.end(),
                         [](const auto& a, const auto& b) {
                             return a.progressPercent.value_or(-1) > b.progressPercent.value_or(-1);
                         });
    else if (query.sort == "gap")
        std::stable_sort(matching.begin(), matching.end(),
                         [](const auto& a, const auto& b)
                         {
                             return a.plannedPercent.value_or(0) - a.progressPercent.value_or(0) >
                                    b.plannedPercent.value_or(0) - b.progressPercent.value_or(0);
                         });
    else if (query.sort == "area")
        std::stable_sort(
            matching.begin(), matching.end(),
            [](const auto& a, const auto& b)
            { return a.cluster.totalArea.value_or(-1) > b.cluster.totalArea.value_or(-1); });
    else
        std::stable_sort(matching.begin(), matching.end(), byName);
    return matching;
}

std::string readFile(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}
std::string renderDashboard(PageContext& ctx, const Poco::Net::HTMLForm& form, Language language)
{
    persistence::ClusterRepository repository(ctx.database);
    const auto all = repository.listSummaries(ctx.clock.todayInHanoi());
    return ctx.templates.renderPage(
        "dashboard", dashboardView(all, repository.reportedTotals(), language),
        layoutData(language, label(language, "dashboard_title"), "/", form), pageLabels(language));
}

std::string renderClusterList(PageContext& ctx, const Poco::Net::HTMLForm& form, Language language)
{
    persistence::ClusterRepository repository(ctx.database);
    const auto all = repository.listSummaries(ctx.clock.todayInHanoi());
    const auto tenants = repository.tenantNamesByCluster();
    std::vector<std::string> tenantNames;
    for (const auto& s : all)
    {
        const auto found = tenants.find(s.cluster.id);
        tenantNames.push_back(found == tenants.end() ? "" : found->second);
    }
    const ClusterQuery query = readQuery(form);
    return ctx.templates.renderPage(
        "clusters", clusterListView(all, select(all, query, tenantNames), query, language),
        layoutData(language, label(language, "nav_clusters"), "/clusters", form),
        pageLabels(language));
}

std::string renderNotFound(PageContext& ctx, const std::string& path,
                           const Poco::Net::HTMLForm& form, Language language,
                           HTTPResponse::HTTPStatus& status)
{
    status = HTTPResponse::HTTP_NOT_FOUND;
    return ctx.templates.renderPage(
        "not_found", data{}, layoutData(language, label(language, "not_found_title"), path, form),
        pageLabels(language));
}

std::string renderClusterPage(PageContext& ctx, const std::string& clusterCode,
                              const Poco::Net::HTMLForm& form, Language language,
                              HTTPResponse::HTTPStatus& status)
{
    const Date today = ctx.clock.todayInHanoi();
    const auto detail =
        persistence::ClusterRepository(ctx.database).findDetail(clusterCode, 24, today);
    const std::string path = "/clusters/" + clusterCode;
    if (!detail)
        return renderNotFound(ctx, path, form, language, status);
    return ctx.templates.renderPage(
        "cluster", clusterDetailView(*detail, today, language),
        layoutData(language, detail->summary.cluster.nameVi, path, form), pageLabels(language));
}
} // namespace

void addPageRoutes(Router& router, PageContext& ctx)
{
    router.add("GET", "/",
               [&ctx](HTTPServerRequest& request, HTTPServerResponse& response, const RouteMatch&)
               {
                   cachedPage(ctx, request, response,
                              [&](const auto& form, Language language, auto&)
                              { return renderDashboard(ctx, form, language); });
               });
    router.add("GET", "/clusters",
               [&ctx](HTTPServerRequest& request, HTTPServerResponse& response, const RouteMatch&)
               {
                   cachedPage(ctx, request, response,
                              [&](const auto& form, Language language, auto&)
                              { return renderClusterList(ctx, form, language); });
               });
    router.add(
        "GET", "/clusters/{code}",
        [&ctx](HTTPServerRequest& request, HTTPServerResponse& response, const RouteMatch& match)
        {
            cachedPage(ctx, request, response,
                       [&](const auto& form, Language language, auto& status) {
                           return renderClusterPage(ctx, match.parameters.at("code"), form,
                                                    language, status);
                       });
        });
    router.setPageNotFound(
        [&ctx](HTTPServerRequest& request, HTTPServerResponse& response, const RouteMatch&)
        {
            cachedPage(ctx, request, response,
                       [&](const auto& form, Language language, auto& status) {
                           return renderNotFound(ctx, Poco::URI(request.getURI()).getPath(), form,
                                                 language, status);
                       });
        });
    const std::string css = readFile(ctx.staticDirectory + "/site.css");
    auto stylesheet = std::make_shared<CachedResponse>(
        CachedResponse{css, "text/css; charset=utf-8", strongEtag(css, 0), 0});
    router.add("GET", "/static/site.css",
               [stylesheet](HTTPServerRequest& request, HTTPServerResponse& response,
                            const RouteMatch&) { send(request, response, *stylesheet); });
}

} // namespace tracker::net
