#pragma once

#include "net/http/router.h"
#include "net/site_context.h"

namespace tracker::net
{

// GET /unsubscribe?t=TOKEN shows a confirmation form; POST /unsubscribe (the form, or an
// RFC 8058 one-click POST with List-Unsubscribe=One-Click) unsubscribes at once. The token
// is signed (see net/jobs/digest.h) and is the only credential: there is no session to
// forge a request with, so the token doubles as the form's CSRF token.
void unsubscribeForm(SiteContext& site, Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response, const RouteMatch& match);
void unsubscribeConfirm(SiteContext& site, Poco::Net::HTTPServerRequest& request,
                        Poco::Net::HTTPServerResponse& response, const RouteMatch& match);

} // namespace tracker::net
