#pragma once

#include "net/router.h"
#include "net/site_context.h"

namespace tracker::net
{

// /login, /logout and /account/password. Sign-in is throttled per account and per client
// address; the sign-in form has its own CSRF token (a cookie it must echo), since there is
// no session yet to hold one.
void addLoginRoutes(Router& router, SiteContext& context);

} // namespace tracker::net
