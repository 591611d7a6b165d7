#include "net/api_handlers.h"

#include "net/cached_route.h"
#include "net/cluster_query.h"
#include "net/exports.h"
#include "net/json_views.h"
#include "net/oc4ids.h"
#include "net/responses.h"
#include "persistence/cluster_repository.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/job_repository.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <fstream>
#include <iterator>

namespace tracker::net
{
namespace
{
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

constexpr int kLatestReportsShown = 12;
constexpr int kAllReports = 100000;
constexpr const char* kJson = "application/json; charset=utf-8";

Rendered json(const Poco::JSON::Object& body,
              HTTPResponse::HTTPStatus status = HTTPResponse::HTTP_OK)
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
    return languageFromCode(form.get("lang", "vi")).value_or(Language::Vi);
}

void health(persistence::Database& database, HTTPServerResponse& response)
{
    Poco::JSON::Object body;
    const bool up = database.isReachable();
    body.set("status", up ? "ok" : "unavailable");
    body.set("database", up ? "ok" : "unreachable");
    if (!up)
        response.set("Retry-After", "5");
    sendJson(response, up ? HTTPResponse::HTTP_OK : HTTPResponse::HTTP_SERVICE_UNAVAILABLE, body);
}

Rendered listClusters(SiteContext& ctx, const Poco::Net::HTMLForm& form)
{
    persistence::ClusterRepository repository(ctx.database);
    const auto all = repository.listSummaries(ctx.clock.todayInHanoi());
    const ClusterQuery query = readClusterQuery(form);
    const auto matching = selectClusters(all, query, repository.tenantNamesByCluster());
    const PageSlice slice = slicePage(matching.size(), query.page, query.perPage);
    Poco::JSON::Array clusters;
    for (std::size_t i = slice.begin; i < slice.end; ++i)
        clusters.add(clusterSummaryJson(matching[i]));
    Poco::JSON::Object body;
    setPaging(body, matching.size(), slice, query.perPage);
    body.set("clusters", clusters);
    body.set("portfolio", portfolioJson(matching, repository.reportedTotals()));
    return json(body);
}

Rendered showCluster(SiteContext& ctx, const std::string& code)
{
    persistence::ClusterRepository repository(ctx.database);
    const auto detail = repository.findDetail(code, kLatestReportsShown, ctx.clock.todayInHanoi());
    if (!detail)
        return jsonError(HTTPResponse::HTTP_NOT_FOUND, "cluster_not_found",
                         "Không có cụm công nghiệp mã '" + code + "'. No cluster has the code '" +
                             code + "'.");
    return json(clusterDetailJson(*detail));
}

Rendered listDistricts(SiteContext& ctx)
{
    persistence::ClusterRepository repository(ctx.database);
    Poco::JSON::Array districts;
    for (const auto& group : groupByDistrict(repository.listSummaries(ctx.clock.todayInHanoi())))
        districts.add(districtJson(group, false));
    Poco::JSON::Object body;
    body.set("total", static_cast<int>(districts.size()));
    body.set("districts", districts);
    return json(body);
}

Rendered showDistrict(SiteContext& ctx, const std::string& slug)
{
    persistence::ClusterRepository repository(ctx.database);
    for (const auto& group : groupByDistrict(repository.listSummaries(ctx.clock.todayInHanoi())))
    {
        if (group.slug == slug)
            return json(districtJson(group, true));
    }
    return jsonError(HTTPResponse::HTTP_NOT_FOUND, "district_not_found",
                     "Không có quận, huyện nào có cụm công nghiệp với mã '" + slug +
                         "'. No district with clusters has the slug '" + slug + "'.");
}

Rendered portfolio(SiteContext& ctx)
{
    persistence::ClusterRepository repository(ctx.database);
    const auto all = repository.listSummaries(ctx.clock.todayInHanoi());
    Poco::JSON::Object body = portfolioJson(all, repository.reportedTotals());
    int behind = 0;
    for (const auto& s : all)
        behind += s.isBehind() ? 1 : 0;
    body.set("behind_count", behind);
    return json(body);
}

// Open flags by default; ?state=resolved or all for history.
std::vector<persistence::DelayFlag> flagsIn(SiteContext& ctx, const std::string& district,
                                            const std::string& state)
{
    persistence::DelayFlagRepository repository(ctx.database);
    auto flags =
        state == "open" ? repository.openFlags() : repository.flagsTouchedSince(Date{1970, 1, 1});
    std::erase_if(flags,
                  [&](const persistence::DelayFlag& f)
                  {
                      return (!district.empty() && f.district != district) ||
                             (state == "resolved" && !f.resolvedOn);
                  });
    return flags;
}

Rendered listDelays(SiteContext& ctx, const Poco::Net::HTMLForm& form)
{
    std::string state = form.get("state", "open");
    if (state != "resolved" && state != "all")
        state = "open";
    const auto flags = flagsIn(ctx, form.get("district", ""), state);
    const int perPage =
        std::min(ClusterQuery::kMaxPageSize,
                 pageNumber(form.get("per_page", std::to_string(ClusterQuery::kPageSize))));
    const PageSlice slice = slicePage(flags.size(), pageNumber(form.get("page", "1")), perPage);
    const Date today = ctx.clock.todayInHanoi();
    Poco::JSON::Array list;
    for (std::size_t i = slice.begin; i < slice.end; ++i)
        list.add(delayJson(flags[i], today));
    Poco::JSON::Object body;
    setPaging(body, flags.size(), slice, perPage);
    body.set("as_of", today.iso());
    body.set("state", state);
    body.set("delays", list);
    return json(body);
}

void listJobRuns(SiteContext& ctx, HTTPServerResponse& response)
{
    Poco::JSON::Array runs;
    for (const auto& run : persistence::JobRepository(ctx.database).recentRuns(100))
    {
        Poco::JSON::Object entry;
        entry.set("id", static_cast<Poco::Int64>(run.id));
        entry.set("job", run.job);
        entry.set("slot", run.slot);
        entry.set("instance", run.instance);
        entry.set("started_at", run.startedAt);
        entry.set("finished_at", run.finishedAt.empty() ? Poco::Dynamic::Var()
                                                        : Poco::Dynamic::Var(run.finishedAt));
        entry.set("outcome", run.outcome);
        entry.set("detail", run.detail);
        runs.add(entry);
    }
    Poco::JSON::Object body;
    body.set("runs", runs);
    response.set("Cache-Control", "no-store");
    sendJson(response, HTTPResponse::HTTP_OK, body);
}

Rendered oc4ids(SiteContext& ctx)
{
    const Date today = ctx.clock.todayInHanoi();
    const auto details =
        persistence::ClusterRepository(ctx.database).listDetails(kAllReports, today);
    return json(oc4idsPackage(details, ctx.map, today));
}

Rendered download(const Table& table, const std::string& format, const std::string& name)
{
    if (format == "xlsx")
        return Rendered{toXlsx(table),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        HTTPResponse::HTTP_OK, name + ".xlsx"};
    return Rendered{toCsv(table), "text/csv; charset=utf-8", HTTPResponse::HTTP_OK, name + ".csv"};
}

Rendered exportTable(SiteContext& ctx, const Poco::Net::HTMLForm& form, const std::string& what,
                     const std::string& format)
{
    const Language language = requestedLanguage(form);
    const Date today = ctx.clock.todayInHanoi();
    persistence::ClusterRepository repository(ctx.database);
    if (what == "clusters")
        return download(clustersTable(repository.listSummaries(today), language), format,
                        "cum-cong-nghiep-" + today.iso());
    if (what == "tenants")
        return download(tenantsTable(repository.listDetails(1, today), language), format,
                        "nha-dau-tu-thu-cap-" + today.iso());
    return jsonError(HTTPResponse::HTTP_NOT_FOUND, "export_not_found",
                     "Không có tệp tải về này. No such download.");
}

std::string readFile(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw std::runtime_error("cannot read " + path);
    return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

// A GET route answered from the cache; the key is the full URI and today's date.
void cachedGet(Router& router, SiteContext& ctx, const std::string& pattern,
               std::function<Rendered(const Poco::Net::HTMLForm&, const RouteMatch&)> render)
{
    router.add("GET", pattern,
               [&ctx, render](HTTPServerRequest& request, HTTPServerResponse& response,
                              const RouteMatch& match)
               {
                   const std::string key =
                       "api|" + request.getURI() + "|" + ctx.clock.todayInHanoi().iso();
                   respondCached(ctx.cache, key, request, response,
                                 [&]
                                 {
                                     Poco::Net::HTMLForm form(request);
                                     return render(form, match);
                                 });
               });
}
} // namespace

void addApiRoutes(Router& router, SiteContext& ctx)
{
    router.add("GET", "/api/v1/jobs/runs",
               [&ctx](HTTPServerRequest&, HTTPServerResponse& response, const RouteMatch&)
               { listJobRuns(ctx, response); });
    router.add("GET", "/healthz",
               [&ctx](HTTPServerRequest&, HTTPServerResponse& response, const RouteMatch&)
               { health(ctx.database, response); });
    cachedGet(router, ctx, "/api/v1/clusters",
              [&ctx](const auto& form, const auto&) { return listClusters(ctx, form); });
    cachedGet(router, ctx, "/api/v1/clusters/{code}",
              [&ctx](const auto&, const auto& match)
              { return showCluster(ctx, match.parameters.at("code")); });
    cachedGet(router, ctx, "/api/v1/districts",
              [&ctx](const auto&, const auto&) { return listDistricts(ctx); });
    cachedGet(router, ctx, "/api/v1/districts/{slug}",
              [&ctx](const auto&, const auto& match)
              { return showDistrict(ctx, match.parameters.at("slug")); });
    cachedGet(router, ctx, "/api/v1/portfolio",
              [&ctx](const auto&, const auto&) { return portfolio(ctx); });
    cachedGet(router, ctx, "/api/v1/delays",
              [&ctx](const auto& form, const auto&) { return listDelays(ctx, form); });
    cachedGet(router, ctx, "/api/v1/oc4ids.json",
              [&ctx](const auto&, const auto&) { return oc4ids(ctx); });
    const std::string openapi = readFile(ctx.staticDirectory + "/openapi.json");
    cachedGet(router, ctx, "/api/v1/openapi.json",
              [openapi](const auto&, const auto&) {
                  return Rendered{openapi, kJson, HTTPResponse::HTTP_OK, {}};
              });
    for (const std::string what : {"clusters", "tenants"})
        for (const std::string format : {"csv", "xlsx"})
            cachedGet(router, ctx, "/exports/" + what + "." + format,
                      [&ctx, what, format](const auto& form, const auto&)
                      { return exportTable(ctx, form, what, format); });
    cachedGet(router, ctx, "/delays.atom",
              [&ctx](const auto& form, const auto&)
              {
                  return Rendered{delaysAtom(flagsIn(ctx, "", "open"), ctx.clock.todayInHanoi(),
                                             requestedLanguage(form)),
                                  "application/atom+xml; charset=utf-8",
                                  HTTPResponse::HTTP_OK,
                                  {}};
              });
}

} // namespace tracker::net
