#pragma once

#include "net/job_settings.h"
#include "net/router.h"
#include "net/site_context.h"

namespace tracker::net
{

// The audit log (filterable, admins; one record's history, its editors), users (admins)
// and digest subscriptions (admins and city officials).
void addAdminRoutes(Router& router, SiteContext& context, const JobSettings& jobs);
// Users: create, edit role and scopes, deactivate (user_handlers.cpp; admins only).
void addUserRoutes(Router& router, SiteContext& context);

} // namespace tracker::net
