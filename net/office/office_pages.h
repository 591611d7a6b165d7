#pragma once

#include "net/http/router.h"
#include "net/office/office.h"
#include "net/site_context.h"

#include <memory>

namespace tracker::net
{

class ImportJobs;

// The back office, one entry per form or page; each runs inside officeRoute()
// (net/office/office.h), which has read the form, the language and the caller. Every form
// carries the session's CSRF token, every write checks the role and scope on the server,
// and a save over a newer version is refused with what changed (409).

// sign_in_pages.cpp: /login, /logout and /account/password. Sign-in is throttled per
// account and per client address; the sign-in form has its own CSRF token (a cookie it
// must echo), since there is no session yet to hold one.
void loginForm(OfficeRequest& office, const RouteMatch& match);
void loginSubmit(OfficeRequest& office, const RouteMatch& match);
void logout(OfficeRequest& office, const RouteMatch& match);
void passwordForm(OfficeRequest& office, const RouteMatch& match);
void passwordSubmit(OfficeRequest& office, const RouteMatch& match);
// cluster_forms.cpp: the index, a progress report, the registry entry
void officeIndex(OfficeRequest& office, const RouteMatch& match);
void reportForm(OfficeRequest& office, const RouteMatch& match);
void registryForm(OfficeRequest& office, const RouteMatch& match);
void unitsForm(OfficeRequest& office, const RouteMatch& match); // unit_form.cpp
void factsForm(OfficeRequest& office, const RouteMatch& match); // facts_form.cpp
// statutory_pages.cpp: the forms of Thông tư 14/2024/TT-BCT
void statutoryOverview(OfficeRequest& office, const RouteMatch& match);
void statutoryForm(OfficeRequest& office, const RouteMatch& match);
void statutoryPrint(OfficeRequest& office, const RouteMatch& match);
void statutoryXlsxDownload(OfficeRequest& office, const RouteMatch& match);
// tenant_forms.cpp and baseline_form.cpp
void tenantListPage(OfficeRequest& office, const RouteMatch& match);
void newTenantForm(OfficeRequest& office, const RouteMatch& match);
void tenantForm(OfficeRequest& office, const RouteMatch& match);
void baselineForm(OfficeRequest& office, const RouteMatch& match);
// delay_pages.cpp: open flags an official answers for, a cluster's flags, and the form that
// acknowledges one. Admins, city officials and district officials in their districts may;
// developers and viewers may not.
void delayOverviewPage(OfficeRequest& office, const RouteMatch& match);
void clusterDelaysPage(OfficeRequest& office, const RouteMatch& match);
void acknowledgementForm(OfficeRequest& office, const RouteMatch& match);
// audit_and_subscription_pages.cpp: the audit log (admins; one record's history, its
// editors) and digest subscriptions (admins and city officials).
void auditLogPage(OfficeRequest& office, const RouteMatch& match);
void auditRecordPage(OfficeRequest& office, const RouteMatch& match);
void subscriptionsForm(OfficeRequest& office, const RouteMatch& match);
void unsubscribeSubscription(OfficeRequest& office, const RouteMatch& match);
// user_pages.cpp: create, edit role and scopes, deactivate (admins only).
// Investors (public forms, no account needed): enquiry_form.cpp, subscribe_forms.cpp
void enquiryForm(OfficeRequest& office, const RouteMatch& match);
void subscribeForm(OfficeRequest& office, const RouteMatch& match);
void confirmSubscription(OfficeRequest& office, const RouteMatch& match);
void manageSubscriptions(OfficeRequest& office, const RouteMatch& match);
// Investors' enquiries in the back office: enquiry_pages.cpp
void enquiryListPage(OfficeRequest& office, const RouteMatch& match);
void enquiryPage(OfficeRequest& office, const RouteMatch& match);
void plotsForm(OfficeRequest& office, const RouteMatch& match); // plot_pages.cpp

void usersForm(OfficeRequest& office, const RouteMatch& match);
void userForm(OfficeRequest& office, const RouteMatch& match);
void userActiveSubmit(OfficeRequest& office, const RouteMatch& match);
// token_pages.cpp: every signed-in account lists, makes and revokes its own API tokens.
void tokensPage(OfficeRequest& office, const RouteMatch& match);
void revokeTokenSubmit(OfficeRequest& office, const RouteMatch& match);
// import_pages.cpp: a CSV of tenants or progress reports, uploaded; a dry run lists the
// errors, a real run writes all rows or none, each row checked against the account's
// clusters. The jobs are shared by both routes and outlive every request.
RouteAction importForm(SiteContext& site, std::shared_ptr<ImportJobs> jobs);
RouteAction importProgress(SiteContext& site, std::shared_ptr<ImportJobs> jobs);

} // namespace tracker::net
