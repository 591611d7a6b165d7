#pragma once

#include "net/http/router.h"
#include "net/site_context.h"

namespace tracker::net
{

// Every route of the site: method + path → a named handler (net/routes.cpp).
void addRoutes(Router& router, SiteContext& site);

} // namespace tracker::net
