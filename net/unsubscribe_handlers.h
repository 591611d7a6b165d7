#pragma once

#include "net/job_settings.h"
#include "net/router.h"
#include "net/site_context.h"

namespace tracker::net
{

// GET /unsubscribe?t=TOKEN shows a confirmation form; POST /unsubscribe (the form, or an
// RFC 8058 one-click POST with List-Unsubscribe=One-Click) unsubscribes at once. The token
// is signed (see digest.h) and is the only credential: there is no session to forge a
// request with, so the token doubles as the form's CSRF token.
void addUnsubscribeRoutes(Router& router, SiteContext& context, const JobSettings& jobs);

} // namespace tracker::net
