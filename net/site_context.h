#pragma once

#include "net/access/auth_settings.h"
#include "net/http/response_cache.h"
#include "net/jobs/job_settings.h"
#include "net/views/district_map.h"
#include "net/views/page_templates.h"
#include "persistence/database.h"
#include "persistence/summary_snapshot.h"
#include "tracker/admin_units.h"
#include "tracker/clock.h"

#include <string>
#include <vector>

namespace tracker::net
{

class RequestMetrics;
class Oc4idsProjects;

// Who may read /metrics: these client addresses, or whoever bears the token.
struct MetricsAccess
{
    std::vector<std::string> allow{"127.0.0.1", "::1"};
    std::string token;                  // empty: no token opens it
    RequestMetrics* requests = nullptr; // what the router counts
};

// What every route reads from: the data, today's date, the rendered-response cache, the
// files loaded at start-up, how sessions work and how mail is signed.
struct SiteContext
{
    persistence::Database& database;
    const Clock& clock;
    const PageTemplates& templates;
    ResponseCache& cache;
    // Every cluster's summary, reloaded per changed cluster: what the aggregates read.
    persistence::SummarySnapshot& summaries;
    std::string staticDirectory;
    const DistrictMap& map;  // the former districts' polygons (no open data of the new units)
    const AdminUnits& units; // the xã and phường since 1/7/2025
    AuthSettings auth;
    JobSettings jobs; // mail: unsubscribe tokens and links
    MetricsAccess metrics{};
    // Each cluster's OC4IDS project, kept between renders of the package; none: made afresh.
    Oc4idsProjects* projects = nullptr;
};

} // namespace tracker::net
