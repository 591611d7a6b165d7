#pragma once

#include "net/router.h"
#include "net/site_context.h"

namespace tracker::net
{

// The JSON API under /api/v1 (documented in docs/api.md and /api/v1/openapi.json), the
// OC4IDS package, the downloads (/exports/*.csv|xlsx) and the delay feed (/delays.atom).
// Every answer but /healthz comes from the response cache with an ETag.
void addApiRoutes(Router& router, SiteContext& context);

} // namespace tracker::net
