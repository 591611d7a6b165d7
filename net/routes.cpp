// The site's one route table: every method and path, and the handler that answers it.
// Each handler is named for what it does and lives in the folder of its capability:
//   net/pages/    public pages, rendered through the cache (pages.h)
//   net/api/      the JSON API and downloads: reads (reads.h), writes (writes.h)
//   net/office/   the back office, one function per form (office_pages.h), and the public
//                 forms that share its machinery: sign-in, enquiries, subscriptions
// Failures of any of them are answered by net/pages/error_pages.cpp.
#include "net/routes.h"

#include "net/api/cached_api.h"
#include "net/api/metrics.h"
#include "net/api/reads.h"
#include "net/api/write_route.h"
#include "net/api/writes.h"
#include "net/office/office_pages.h"
#include "net/operations/import_jobs.h"
#include "net/pages/pages.h"
#include "net/pages/unsubscribe_page.h"

namespace tracker::net
{
namespace
{
using PlainHandler = void (*)(SiteContext&, Poco::Net::HTTPServerRequest&,
                              Poco::Net::HTTPServerResponse&, const RouteMatch&);

RouteAction plain(SiteContext& site, PlainHandler handler)
{
    return [&site, handler](Poco::Net::HTTPServerRequest& request,
                            Poco::Net::HTTPServerResponse& response, const RouteMatch& match)
    { handler(site, request, response, match); };
}
} // namespace

void addRoutes(Router& router, SiteContext& site)
{
    const auto page = [&site](PageRender render, RouteParameters parameters = {})
    { return cachedPage(site, render, std::move(parameters)); };
    const auto api = [&site](ApiRender render, RouteParameters parameters = {})
    { return cachedApi(site, render, std::move(parameters)); };
    // The query parameters each route reads; no other enters its cache key.
    const RouteParameters list{"q",      "district", "commune", "status",
                               "behind", "sort",     "page",    "per_page"};
    const RouteParameters lang{"lang"};
    const RouteParameters land{"commune",    "district", "min_ha", "ready",
                               "wastewater", "sector",   "page"};
    const RouteParameters landApi{"commune",    "district", "min_ha", "ready",
                                  "wastewater", "sector",   "page",   "per_page"};
    const RouteParameters landExport{"commune",    "district", "min_ha", "ready",
                                     "wastewater", "sector",   "lang"};
    const RouteParameters delays{"state", "district", "page", "per_page"};
    const auto write = [&site](WriteAction action) { return writeRoute(site, action); };
    const auto office = [&site](OfficePage form) { return officeRoute(site, form); };
    // Owned by the routes: the router outlives every request, and the jobs' destructor
    // waits for running imports before the database goes.
    const auto imports = std::make_shared<ImportJobs>(site.database, site.clock);

    // Public pages
    router.add("GET", "/", page(dashboardPage));
    router.add("GET", "/clusters", page(clusterListPage, list));
    router.add("GET", "/clusters/{code}", page(clusterPage));
    router.add("GET", "/map", page(mapPage));
    router.add("GET", "/communes/{slug}", page(communePage));
    router.add("GET", "/land", page(landPage, land));
    router.add("GET", "/compare", page(comparePage, {"c"}));
    router.add("GET", "/districts", page(formerDistrictsPage));
    router.add("GET", "/districts/{slug}", page(districtPage));
    router.add("GET", "/delays", page(delaysPage, {"page"}));
    router.add("GET", "/statutory-reports/{form}/{unit}/{period}", page(statutoryPage));
    router.add("GET", "/publication-policy", page(publicationPolicyPage));
    router.add("GET", "/clusters/{code}/enquiry", office(enquiryForm));
    router.add("POST", "/clusters/{code}/enquiry", office(enquiryForm));
    router.add("GET", "/subscribe", office(subscribeForm));
    router.add("POST", "/subscribe", office(subscribeForm));
    router.add("GET", "/subscriptions/confirm", office(confirmSubscription));
    router.add("POST", "/subscriptions/confirm", office(confirmSubscription));
    router.add("GET", "/subscriptions/manage", office(manageSubscriptions));
    router.add("GET", "/unsubscribe", plain(site, unsubscribeForm));
    router.add("POST", "/unsubscribe", plain(site, unsubscribeConfirm));
    router.add("GET", "/static/site.css", staticFile(site, "site.css", "text/css; charset=utf-8"));
    router.add("GET", "/static/favicon.svg", staticFile(site, "favicon.svg", "image/svg+xml"));

    // Downloads and feeds
    router.add("GET", "/exports/clusters.csv", api(clustersCsv, lang));
    router.add("GET", "/exports/clusters.xlsx", api(clustersXlsx, lang));
    router.add("GET", "/exports/land.csv", api(landCsv, landExport));
    router.add("GET", "/exports/land.xlsx", api(landXlsx, landExport));
    router.add("GET", "/exports/tenants.csv", api(tenantsCsv, lang));
    router.add("GET", "/exports/tenants.xlsx", api(tenantsXlsx, lang));
    router.add("GET", "/delays.atom", api(delaysFeed, lang));
    router.add("GET", "/land.atom", api(landFeed, landExport));

    // The JSON API: reads
    router.add("GET", "/healthz", plain(site, health));
    router.add("GET", "/metrics", plain(site, metricsPage));
    router.add("GET", "/api/v1/clusters", api(listClusters, list));
    router.add("GET", "/api/v1/clusters/{code}", api(showCluster));
    router.add("GET", "/api/v1/communes", api(listCommunes));
    router.add("GET", "/api/v1/land", api(listLand, landApi));
    router.add("GET", "/api/v1/districts", api(listDistricts));
    router.add("GET", "/api/v1/districts/{slug}", api(showDistrict));
    router.add("GET", "/api/v1/portfolio", api(portfolio));
    router.add("GET", "/api/v1/delays", api(listDelays, delays));
    router.add("GET", "/api/v1/oc4ids.json", api(oc4idsPackageJson));
    router.add("GET", "/api/v1/jobs/runs", plain(site, listJobRuns));
    router.add("GET", "/api/v1/openapi.json", openApiDocument(site));
    router.add("GET", "/api/v1/tokens", plain(site, listTokens));
    router.add("GET", "/api/v1/statutory-reports/{form}/{unit}/{period}",
               plain(site, showStatutory));

    // The JSON API: writes (a token, or a session with its CSRF header)
    router.add("POST", "/api/v1/clusters/{code}/reports", write(postReport));
    router.add("PATCH", "/api/v1/clusters/{code}", write(patchCluster));
    router.add("POST", "/api/v1/clusters/{code}/tenants", write(postTenant));
    router.add("PATCH", "/api/v1/tenants/{id}", write(patchTenant));
    router.add("POST", "/api/v1/clusters/{code}/baselines", write(postBaseline));
    router.add("POST", "/api/v1/delays/{id}/acknowledge", write(postDelayAcknowledgement));
    router.add("POST", "/api/v1/statutory-reports/{form}/{unit}/{period}", write(postStatutory));
    router.add("POST", "/api/v1/tokens", write(postToken));
    router.add("DELETE", "/api/v1/tokens/{id}", write(deleteToken));

    // Signing in
    router.add("GET", "/login", office(loginForm));
    router.add("POST", "/login", office(loginSubmit));
    router.add("POST", "/logout", office(logout));
    router.add("GET", "/account/password", office(passwordForm));
    router.add("POST", "/account/password", office(passwordSubmit));
    router.add("GET", "/admin/tokens", office(tokensPage));
    router.add("POST", "/admin/tokens", office(tokensPage));
    router.add("POST", "/admin/tokens/{id}/revoke", office(revokeTokenSubmit));

    // The back office: clusters, tenants, plans
    router.add("GET", "/admin", office(officeIndex));
    router.add("GET", "/admin/clusters/{code}/report", office(reportForm));
    router.add("POST", "/admin/clusters/{code}/report", office(reportForm));
    router.add("GET", "/admin/clusters/{code}/registry", office(registryForm));
    router.add("POST", "/admin/clusters/{code}/registry", office(registryForm));
    router.add("GET", "/admin/clusters/{code}/facts", office(factsForm));
    router.add("POST", "/admin/clusters/{code}/facts", office(factsForm));
    router.add("GET", "/admin/clusters/{code}/units", office(unitsForm));
    router.add("POST", "/admin/clusters/{code}/units", office(unitsForm));
    router.add("GET", "/admin/clusters/{code}/plots", office(plotsForm));
    router.add("POST", "/admin/clusters/{code}/plots", office(plotsForm));
    router.add("GET", "/admin/clusters/{code}/tenants", office(tenantListPage));
    router.add("GET", "/admin/clusters/{code}/tenants/new", office(newTenantForm));
    router.add("POST", "/admin/clusters/{code}/tenants/new", office(newTenantForm));
    router.add("GET", "/admin/tenants/{id}", office(tenantForm));
    router.add("POST", "/admin/tenants/{id}", office(tenantForm));
    router.add("GET", "/admin/clusters/{code}/baseline", office(baselineForm));
    router.add("POST", "/admin/clusters/{code}/baseline", office(baselineForm));

    // The back office: the statutory forms (Thông tư 14/2024/TT-BCT)
    router.add("GET", "/admin/statutory", office(statutoryOverview));
    router.add("GET", "/admin/statutory/{form}/{unit}/{period}", office(statutoryForm));
    router.add("POST", "/admin/statutory/{form}/{unit}/{period}", office(statutoryForm));
    router.add("GET", "/admin/statutory/{form}/{unit}/{period}/print", office(statutoryPrint));
    router.add("GET", "/admin/statutory/{form}/{unit}/{period}/xlsx",
               office(statutoryXlsxDownload));

    // The back office: delays
    router.add("GET", "/admin/delays", office(delayOverviewPage));
    router.add("GET", "/admin/clusters/{code}/delays", office(clusterDelaysPage));
    router.add("GET", "/admin/delays/{id}", office(acknowledgementForm));
    router.add("POST", "/admin/delays/{id}", office(acknowledgementForm));

    // The back office: investors' enquiries
    router.add("GET", "/admin/enquiries", office(enquiryListPage));
    router.add("GET", "/admin/enquiries/{id}", office(enquiryPage));
    router.add("POST", "/admin/enquiries/{id}", office(enquiryPage));

    // The back office: administration
    router.add("GET", "/admin/audit", office(auditLogPage));
    router.add("GET", "/admin/audit/{entity}/{id}", office(auditRecordPage));
    router.add("GET", "/admin/subscriptions", office(subscriptionsForm));
    router.add("POST", "/admin/subscriptions", office(subscriptionsForm));
    router.add("POST", "/admin/subscriptions/{id}/unsubscribe", office(unsubscribeSubscription));
    router.add("GET", "/admin/users", office(usersForm));
    router.add("POST", "/admin/users", office(usersForm));
    router.add("GET", "/admin/users/{id}", office(userForm));
    router.add("POST", "/admin/users/{id}", office(userForm));
    router.add("POST", "/admin/users/{id}/active", office(userActiveSubmit));
    router.add("GET", "/admin/import", importForm(site, imports));
    router.add("POST", "/admin/import", importForm(site, imports));
    router.add("GET", "/admin/import/{id}", importProgress(site, imports));
}

} // namespace tracker::net
