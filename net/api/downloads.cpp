#include "net/api/cached_api.h"
#include "net/api/exports.h"
#include "net/api/json_views.h"
#include "net/api/oc4ids.h"
#include "net/api/oc4ids_projects.h"
#include "net/api/reads.h"
#include "net/http/responses.h"
#include "net/views/land_views.h"
#include "persistence/cluster_facts_repository.h"
#include "persistence/cluster_repository.h"

#include <Poco/Net/HTMLForm.h>

namespace tracker::net
{
using Poco::Net::HTTPResponse;

namespace
{
constexpr int kAllReports = 100000;

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
        return download(clustersTable(ctx.summaries.summaries(ctx.database, today), language),
                        format, "cum-cong-nghiep-" + today.iso());
    if (what == "tenants")
        return download(tenantsTable(repository.listDetails(1, today), language), format,
                        "nha-dau-tu-thu-cap-" + today.iso());
    return jsonError(HTTPResponse::HTTP_NOT_FOUND, "export_not_found",
                     "Không có tệp tải về này. No such download.");
}
} // namespace

Rendered oc4idsPackageJson(SiteContext& ctx, const Form&, const RouteMatch&)
{
    const Date today = ctx.clock.todayInHanoi();
    if (!ctx.projects)
    {
        const auto details =
            persistence::ClusterRepository(ctx.database).listDetails(kAllReports, today);
        return json(oc4idsPackage(details, ctx.map, today, ctx.jobs.publicBaseUrl));
    }
    const auto texts = ctx.projects->texts(std::chrono::seconds(3));
    if (texts.missing > 0)
    {
        const auto ready =
            std::to_string(texts.total - texts.missing) + "/" + std::to_string(texts.total);
        auto answer = jsonError(HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "preparing",
                                "Gói dữ liệu OC4IDS đang được chuẩn bị (" + ready +
                                    " dự án); thử lại sau ít giây. The OC4IDS package is being "
                                    "prepared (" +
                                    ready + " projects); ask again in a few seconds.");
        answer.retryAfterSeconds = 5;
        return answer;
    }
    Rendered package;
    package.body = oc4idsPackageText(texts.projects, today, ctx.jobs.publicBaseUrl);
    package.contentType = kJson;
    // Some projects are still as they were before a change (the maker is on them): sent,
    // but not kept, so that the next request has the new ones.
    package.storable = texts.stale == 0;
    return package;
}

Rendered clustersCsv(SiteContext& site, const Form& form, const RouteMatch&)
{
    return exportTable(site, form, "clusters", "csv");
}

Rendered clustersXlsx(SiteContext& site, const Form& form, const RouteMatch&)
{
    return exportTable(site, form, "clusters", "xlsx");
}

Rendered tenantsCsv(SiteContext& site, const Form& form, const RouteMatch&)
{
    return exportTable(site, form, "tenants", "csv");
}

Rendered tenantsXlsx(SiteContext& site, const Form& form, const RouteMatch&)
{
    return exportTable(site, form, "tenants", "xlsx");
}

namespace
{
Rendered landDownload(SiteContext& ctx, const Form& form, const std::string& format)
{
    const auto today = ctx.clock.todayInHanoi();
    const auto rows = selectLand(ctx.summaries.summaries(ctx.database, today),
                                 persistence::ClusterFactsRepository(ctx.database).all(),
                                 readLandQuery(form, today), today);
    return download(landTable(rows, requestedLanguage(form)), format,
                    "dat-cong-nghiep-" + today.iso());
}
} // namespace

Rendered landCsv(SiteContext& site, const Form& form, const RouteMatch&)
{
    return landDownload(site, form, "csv");
}

Rendered landXlsx(SiteContext& site, const Form& form, const RouteMatch&)
{
    return landDownload(site, form, "xlsx");
}

} // namespace tracker::net
