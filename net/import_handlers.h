#pragma once

#include "net/router.h"
#include "net/site_context.h"

namespace tracker::net
{

// /admin/import: a CSV of tenants or progress reports, uploaded; a dry run lists the
// errors, a real run writes all rows or none. Each row is checked against the account's
// clusters.
void addImportRoutes(Router& router, SiteContext& context);

} // namespace tracker::net
