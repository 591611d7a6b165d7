#pragma once

#include "net/router.h"
#include "net/site_context.h"

namespace tracker::net
{

// The back office's delay flags: a cluster's open flags (/admin/clusters/{code}/delays) and
// the form with which an official acknowledges one with a comment (/admin/delays/{id}).
// Admins, city officials and district officials in their districts may; developers and
// viewers may not. The public cluster and /delays pages show the acknowledgement.
void addDelayOfficeRoutes(Router& router, SiteContext& context);

} // namespace tracker::net
