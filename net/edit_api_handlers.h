#pragma once

#include "net/router.h"
#include "net/site_context.h"

namespace tracker::net
{

// The JSON API's writes: progress reports, the registry, tenants and re-baselining. Each
// needs an API token (Authorization: Bearer) or a session with its CSRF token in the
// X-CSRF-Token header: 401 without, 403 when the role or scope does not allow it, 422 with
// field errors, 409 with the newer record when someone saved first.
void addEditApiRoutes(Router& router, SiteContext& context);

} // namespace tracker::net
