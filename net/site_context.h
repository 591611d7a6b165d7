#pragma once

#include "net/auth_settings.h"
#include "net/clock.h"
#include "net/district_map.h"
#include "net/page_templates.h"
#include "net/response_cache.h"
#include "persistence/database.h"

#include <string>

namespace tracker::net
{

// What every route reads from: the data, today's date, the rendered-response cache, the
// files loaded at start-up, and how sessions work.
struct SiteContext
{
    persistence::Database& database;
    const Clock& clock;
    const PageTemplates& templates;
    ResponseCache& cache;
    std::string staticDirectory;
    const DistrictMap& map;
    AuthSettings auth;
};

} // namespace tracker::net
