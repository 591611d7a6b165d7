#pragma once

#include "net/http/cached_route.h"
#include "net/http/router.h"
#include "net/site_context.h"

namespace Poco::Net
{
class HTMLForm;
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Poco::Net

namespace tracker::net
{

// The read side of the API and the downloads, one function per route. Each renders on a
// cache miss (net/api/cached_api.h) except the two that must always be fresh.
using Form = Poco::Net::HTMLForm;

// net/api/cluster_reads.cpp
Rendered listClusters(SiteContext& site, const Form& form, const RouteMatch& match);
Rendered showCluster(SiteContext& site, const Form& form, const RouteMatch& match);
Rendered portfolio(SiteContext& site, const Form& form, const RouteMatch& match);
// net/api/district_reads.cpp
Rendered listDistricts(SiteContext& site, const Form& form, const RouteMatch& match);
// net/api/statutory_api.cpp: a statutory form as JSON, for those who may read it
void showStatutory(SiteContext& site, Poco::Net::HTTPServerRequest& request,
                   Poco::Net::HTTPServerResponse& response, const RouteMatch& match);
// net/api/land_reads.cpp: industrial land on offer; its downloads in downloads.cpp
Rendered listLand(SiteContext& site, const Form& form, const RouteMatch& match);
Rendered landFeed(SiteContext& site, const Form& form, const RouteMatch& match);
Rendered landCsv(SiteContext& site, const Form& form, const RouteMatch& match);
Rendered landXlsx(SiteContext& site, const Form& form, const RouteMatch& match);
// net/api/commune_reads.cpp
Rendered listCommunes(SiteContext& site, const Form& form, const RouteMatch& match);
Rendered showDistrict(SiteContext& site, const Form& form, const RouteMatch& match);
// net/api/delay_reads.cpp
Rendered listDelays(SiteContext& site, const Form& form, const RouteMatch& match);
Rendered delaysFeed(SiteContext& site, const Form& form, const RouteMatch& match);
// net/api/downloads.cpp
Rendered oc4idsPackageJson(SiteContext& site, const Form& form, const RouteMatch& match);
Rendered clustersCsv(SiteContext& site, const Form& form, const RouteMatch& match);
Rendered clustersXlsx(SiteContext& site, const Form& form, const RouteMatch& match);
Rendered tenantsCsv(SiteContext& site, const Form& form, const RouteMatch& match);
Rendered tenantsXlsx(SiteContext& site, const Form& form, const RouteMatch& match);
// net/api/service_reads.cpp: never cached
void health(SiteContext& site, Poco::Net::HTTPServerRequest& request,
            Poco::Net::HTTPServerResponse& response, const RouteMatch& match);
void listJobRuns(SiteContext& site, Poco::Net::HTTPServerRequest& request,
                 Poco::Net::HTTPServerResponse& response, const RouteMatch& match);
// net/api/token_api.cpp: the caller's own tokens (never cached)
void listTokens(SiteContext& site, Poco::Net::HTTPServerRequest& request,
                Poco::Net::HTTPServerResponse& response, const RouteMatch& match);
// The OpenAPI document, read once when the routes are made.
RouteAction openApiDocument(SiteContext& site);

} // namespace tracker::net
