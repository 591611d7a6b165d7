#pragma once

#include "net/clock.h"
#include "net/page_templates.h"
#include "net/response_cache.h"
#include "net/router.h"
#include "persistence/database.h"

#include <string>

namespace tracker::net
{

struct PageContext
{
    persistence::Database& database;
    const Clock& clock;
    const PageTemplates& templates;
    ResponseCache& cache;
    std::string staticDirectory;
};

// The public pages: /, /clusters, /clusters/{code}, /static/site.css. Vietnamese by
// default, English with ?lang=en (remembered in a cookie); rendered once per data version,
// day and language, and answered with 304 when the browser has that version.
void addPageRoutes(Router& router, PageContext& context);

} // namespace tracker::net
