#include "net/api/cached_api.h"
#include "net/api/json_views.h"
#include "net/api/reads.h"
#include "net/http/responses.h"
#include "net/views/cluster_query.h"
#include "persistence/cluster_repository.h"
#include "tracker/text_checks.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTMLForm.h>
#include <map>

namespace tracker::net
{
using Poco::Net::HTTPResponse;

namespace
{
constexpr int kLatestReportsShown = 12;
}

Rendered listClusters(SiteContext& ctx, const Form& form, const RouteMatch&)
{
    persistence::ClusterRepository repository(ctx.database);
    const auto all = ctx.summaries.summaries(ctx.database, ctx.clock.todayInHanoi());
    const ClusterQuery query = readClusterQuery(form);
    // Tenants' names matter only to a search (60,000 of them at national scale).
    const auto tenantNames = query.text.empty() ? std::map<std::int64_t, std::string>()
                                                : repository.tenantNamesByCluster();
    const auto matching = selectClusters(all, query, tenantNames);
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

Rendered showCluster(SiteContext& ctx, const Form&, const RouteMatch& match)
{
    // Echoed in the error as text only when it is text: raw bytes (%FF) would make the JSON
    // ill-formed UTF-8.
    const std::string& code = match.parameters.at("code");
    const std::string shown = isValidUtf8(code) && !hasControlCharacters(code) ? code : "?";
    persistence::ClusterRepository repository(ctx.database);
    const auto today = ctx.clock.todayInHanoi();
    const auto detail = repository.findDetail(code, kLatestReportsShown, today);
    if (!detail)
        return jsonError(HTTPResponse::HTTP_NOT_FOUND, "cluster_not_found",
                         "Không có cụm công nghiệp mã '" + shown + "'. No cluster has the code '" +
                             shown + "'.");
    return json(clusterDetailJson(*detail, today));
}

Rendered portfolio(SiteContext& ctx, const Form&, const RouteMatch&)
{
    persistence::ClusterRepository repository(ctx.database);
    const auto all = ctx.summaries.summaries(ctx.database, ctx.clock.todayInHanoi());
    Poco::JSON::Object body = portfolioJson(all, repository.reportedTotals());
    int behind = 0;
    for (const auto& s : all)
        behind += s.isBehind() ? 1 : 0;
    body.set("behind_count", behind);
    return json(body);
}

} // namespace tracker::net
