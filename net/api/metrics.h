#pragma once

#include "net/http/router.h"
#include "net/site_context.h"

namespace Poco::Net
{
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Poco::Net

namespace tracker::net
{

// GET /metrics in Prometheus's text format: requests by route and status and their latency,
// the page cache, the database pool, job runs and durations, the outbox by state, the last
// delay scan. For operators only: answered to the addresses in metrics.allow (loopback by
// default) or to a request bearing metrics.token; 403 to anyone else.
void metricsPage(SiteContext& site, Poco::Net::HTTPServerRequest& request,
                 Poco::Net::HTTPServerResponse& response, const RouteMatch& match);

} // namespace tracker::net
