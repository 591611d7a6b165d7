#include "net/page_handlers.h"

#include "net/cached_route.h"
#include "net/districts.h"
#include "net/labels.h"
#include "net/map_views.h"
#include "net/page_frame.h"
#include "net/page_views.h"
#include "net/text_search.h"
#include "persistence/cluster_repository.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/edit_repository.h"
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
               path + "?" + query + "lang=" + (language == Language::Vi ? "en" : "vi"));
    return layout;
}

namespace
{
using kainjow::mustache::data;
constexpr int kAllReports = 100000; // the S-curves use all; the page lists the latest
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

// Renders through the cache: the key holds everything the page depends on.
template <typename Render>
void cachedPage(PageContext& ctx, HTTPServerRequest& request, HTTPServerResponse& response,
                Render render)
{
    Poco::Net::HTMLForm form(request);
    const Language language = chooseLanguage(request, form, response);
    const std::string key = "page|" + request.getURI() + "|" + std::string(code(language)) + "|" +
                            ctx.clock.todayInHanoi().iso();
    respondCached(ctx.cache, key, request, response,
                  [&]
                  {
                      Rendered rendered;
                      rendered.contentType = "text/html; charset=utf-8";
                      rendered.body = render(form, language, rendered.status);
                      return rendered;
                  });
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
    const ClusterQuery query = readClusterQuery(form);
    const auto matching = selectClusters(all, query, repository.tenantNamesByCluster());
    return ctx.templates.renderPage(
        "clusters", clusterListView(all, matching, query, language),
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

// A re-baselined plan says so: each approved baseline with its date and reason (the
// original plan is baseline 1); who approved it is in the audit log, not on public pages.
void setBaselines(data& view, const std::vector<persistence::Baseline>& baselines,
                  Language language)
{
    data list{data::type::list};
    for (const auto& baseline : baselines)
    {
        data item;
        item.set("number", std::to_string(baseline.number));
        const auto day = Date::parseIso(baseline.createdAt.substr(0, 10));
        item.set("at", Formatter(language).date(day));
        item.set("reason", baseline.reason);
        list.push_back(item);
    }
    view.set("has_baselines", data(!baselines.empty()));
    view.set("baselines", list);
}

std::string renderClusterPage(PageContext& ctx, const std::string& clusterCode,
                              const Poco::Net::HTMLForm& form, Language language,
                              HTTPResponse::HTTPStatus& status)
{
    const Date today = ctx.clock.todayInHanoi();
    const auto detail =
        persistence::ClusterRepository(ctx.database).findDetail(clusterCode, kAllReports, today);
    const std::string path = "/clusters/" + clusterCode;
    if (!detail)
        return renderNotFound(ctx, path, form, language, status);
    auto view = clusterDetailView(*detail, today, language);
    const auto flags =
        persistence::DelayFlagRepository(ctx.database).flagsOfCluster(detail->summary.cluster.id);
    const auto history = delaysView(flags, today, language);
    view.set("flags", history.get("delays") ? *history.get("delays") : data{data::type::list});
    view.set("resolved_flags",
             history.get("resolved") ? *history.get("resolved") : data{data::type::list});
    view.set("has_flags", !flags.empty());
    setBaselines(view,
                 persistence::EditRepository(ctx.database).baselines(detail->summary.cluster.id),
                 language);
    return ctx.templates.renderPage(
        "cluster", view, layoutData(language, detail->summary.cluster.nameVi, path, form),
        pageLabels(language));
}
std::string renderMap(PageContext& ctx, const Poco::Net::HTMLForm& form, Language language)
{
    persistence::ClusterRepository repository(ctx.database);
    const auto districts = groupByDistrict(repository.listSummaries(ctx.clock.todayInHanoi()));
    return ctx.templates.renderPage("map", mapView(districts, ctx.map, language),
                                    layoutData(language, label(language, "nav_map"), "/map", form),
                                    pageLabels(language));
}

std::string renderDistrict(PageContext& ctx, const std::string& slug,
                           const Poco::Net::HTMLForm& form, Language language,
                           HTTPResponse::HTTPStatus& status)
{
    persistence::ClusterRepository repository(ctx.database);
    const auto districts = groupByDistrict(repository.listSummaries(ctx.clock.todayInHanoi()));
    const std::string path = "/districts/" + slug;
    for (const auto& district : districts)
    {
        if (district.slug == slug)
            return ctx.templates.renderPage(
                "district", districtView(district, districts, ctx.map, language),
                layoutData(language, district.name, path, form), pageLabels(language));
    }
    return renderNotFound(ctx, path, form, language, status);
}

std::string renderDelays(PageContext& ctx, const Poco::Net::HTMLForm& form, Language language)
{
    const Date today = ctx.clock.todayInHanoi();
    constexpr int kResolvedShownDays = 30;
    const auto flags = persistence::DelayFlagRepository(ctx.database)
                           .flagsTouchedSince(today.plusDays(-kResolvedShownDays));
    return ctx.templates.renderPage(
        "delays", delaysView(flags, today, language),
        layoutData(language, label(language, "delays_title"), "/delays", form),
        pageLabels(language));
}
} // namespace

void addPageRoutes(Router& router, PageContext& ctx)
{
    router.add("GET", "/map",
               [&ctx](HTTPServerRequest& request, HTTPServerResponse& response, const RouteMatch&)
               {
                   cachedPage(ctx, request, response,
                              [&](const auto& form, Language language, auto&)
                              { return renderMap(ctx, form, language); });
               });
    router.add("GET", "/delays",
               [&ctx](HTTPServerRequest& request, HTTPServerResponse& response, const RouteMatch&)
               {
                   cachedPage(ctx, request, response,
                              [&](const auto& form, Language language, auto&)
                              { return renderDelays(ctx, form, language); });
               });
    router.add(
        "GET", "/districts/{slug}",
        [&ctx](HTTPServerRequest& request, HTTPServerResponse& response, const RouteMatch& match)
        {
            cachedPage(ctx, request, response,
                       [&](const auto& form, Language language, auto& status) {
                           return renderDistrict(ctx, match.parameters.at("slug"), form, language,
                                                 status);
                       });
        });
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
    // The few static files, read once; each answered with its ETag like any page.
    for (const auto& [name, type] : std::vector<std::pair<std::string, std::string>>{
             {"site.css", "text/css; charset=utf-8"}, {"favicon.svg", "image/svg+xml"}})
    {
        const std::string body = readFile(ctx.staticDirectory + "/" + name);
        auto file = std::make_shared<const CachedResponse>(
            CachedResponse{body, type, strongEtag(body, 0), 0, {}});
        router.add("GET", "/static/" + name,
                   [file](HTTPServerRequest& request, HTTPServerResponse& response,
                          const RouteMatch&) { sendPrepared(request, response, file); });
    }
}

} // namespace tracker::net
