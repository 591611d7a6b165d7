#pragma once

#include "net/router.h"
#include "net/site_context.h"

#include <string>

namespace tracker::net
{

using PageContext = SiteContext;

// The public pages: /, /clusters, /clusters/{code}, /static/site.css. Vietnamese by
// default, English with ?lang=en (remembered in a cookie); rendered once per data version,
// day and language, and answered with 304 when the browser has that version.
void addPageRoutes(Router& router, PageContext& context);

} // namespace tracker::net
