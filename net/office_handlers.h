#pragma once

#include "net/router.h"
#include "net/site_context.h"

namespace tracker::net
{

// The back office's cluster pages: /admin (what this account may change), progress
// reports, registry facts, tenants and re-baselining. Every form carries the session's CSRF
// token, every write checks the role and scope on the server, and a save over a newer
// version is refused with what changed (409).
void addOfficeRoutes(Router& router, SiteContext& context);
// Tenants and re-baselining (office_tenant_handlers.cpp).
void addOfficeTenantRoutes(Router& router, SiteContext& context);

} // namespace tracker::net
