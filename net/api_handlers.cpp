#include "net/api_handlers.h"

#include "net/json_views.h"
#include "net/responses.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace tracker::net
{
namespace
{
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

constexpr int kLatestReportsShown = 12;

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

void listClusters(persistence::Database& database, const Clock& clock, HTTPServerResponse& response)
{
    persistence::ClusterRepository repository(database);
    const auto summaries = repository.listSummaries(clock.todayInHanoi());
    Poco::JSON::Array clusters;
    for (const auto& summary : summaries)
        clusters.add(clusterSummaryJson(summary));
    Poco::JSON::Object body;
    body.set("total", static_cast<int>(summaries.size()));
    body.set("clusters", clusters);
    body.set("portfolio", portfolioJson(summaries, repository.reportedTotals()));
    sendJson(response, HTTPResponse::HTTP_OK, body);
}

void showCluster(persistence::Database& database, const Clock& clock, HTTPServerResponse& response,
                 const std::string& code)
{
    persistence::ClusterRepository repository(database);
    const auto detail = repository.findDetail(code, kLatestReportsShown, clock.todayInHanoi());
    if (!detail)
    {
        sendJsonError(response, HTTPResponse::HTTP_NOT_FOUND, "cluster_not_found",
                      "Không có cụm công nghiệp mã '" + code + "'. No cluster has the code '" +
                          code + "'.");
        return;
    }
    sendJson(response, HTTPResponse::HTTP_OK, clusterDetailJson(*detail));
}
} // namespace

void addApiRoutes(Router& router, persistence::Database& database, const Clock& clock)
{
    router.add("GET", "/healthz",
               [&database](HTTPServerRequest&, HTTPServerResponse& response, const RouteMatch&)
               { health(database, response); });
    router.add("GET", "/api/v1/clusters",
               [&database, &clock](HTTPServerRequest&, HTTPServerResponse& response,
                                   const RouteMatch&) { listClusters(database, clock, response); });
    router.add("GET", "/api/v1/clusters/{code}",
               [&database, &clock](HTTPServerRequest&, HTTPServerResponse& response,
                                   const RouteMatch& match)
               { showCluster(database, clock, response, match.parameters.at("code")); });
}

} // namespace tracker::net
