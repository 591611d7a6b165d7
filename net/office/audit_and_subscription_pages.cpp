#include "net/jobs/unsubscribe_tokens.h"
#include "net/office/form_view.h"
#include "net/office/office.h"
#include "net/office/office_pages.h"
#include "net/operations/known_scopes.h"
#include "net/views/labels.h"
#include "net/views/subscription_views.h"
#include "persistence/audit_repository.h"
#include "persistence/mail_repository.h"
#include "persistence/registry_repository.h"
#include "persistence/tenant_repository.h"
#include "tracker/email_address.h"
#include "tracker/text_checks.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPServerRequest.h>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using Poco::Net::HTTPResponse;

// "field: old → new" lines from the stored JSON, for people.
std::string readableChanges(const std::string& json)
{
    std::string out;
    try
    {
        Poco::JSON::Parser parser;
        const auto object = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
        for (const auto& [field, value] : *object)
        {
            const auto change = value.extract<Poco::JSON::Object::Ptr>();
            out += field + ": " + change->getValue<std::string>("old") + " → " +
                   change->getValue<std::string>("new") + "\n";
        }
    }
    catch (const Poco::Exception&)
    {
        out = json;
    }
    return out;
}

// Who did what: admins and city officials see every entry's author and address; anyone
// else sees their own, and of other people's only that someone else did it (a developer
// reading its cluster's history learns no official's email or IP address).
data auditRows(const std::vector<persistence::AuditEntry>& entries, OfficeRequest& office)
{
    const Account& reader = office.account();
    const bool everything = reader.role == Role::Admin || reader.role == Role::CityOfficial;
    data rows{data::type::list};
    for (const auto& entry : entries)
    {
        const bool shown = everything || entry.actor == reader.email;
        data row;
        row.set("at", entry.at);
        row.set("actor", shown ? entry.actor : office.text("audit_someone_else"));
        row.set("address", shown ? entry.address : std::string());
        row.set("entity", entry.entity);
        row.set("entity_id", std::to_string(entry.entityId));
        row.set("action", entry.action);
        row.set("changes", readableChanges(entry.changes));
        rows.push_back(row);
    }
    return rows;
}

void auditPage(OfficeRequest& office)
{
    if (!office.requireSignIn() ||
        !office.allowed(may(office.account(), SiteAction::ReadFullAudit)))
        return;
    persistence::AuditFilter filter;
    const auto& f = office.form;
    filter.entity = f.get("entity", "");
    filter.actor = f.get("actor", "");
    filter.since = f.get("since", "");
    filter.clusterId = parseWholeNumberOrZero(f.get("cluster", ""));
    data view;
    view.set("filter", true);
    view.set("entity", filter.entity);
    view.set("selected_" + filter.entity, true); // the select shows the filter in force
    view.set("actor", filter.actor);
    view.set("since", filter.since);
    view.set("entries", auditRows(persistence::listAudit(office.site.database, filter), office));
    office.page("office_audit", view, office.text("audit_title"));
}

// Admins and city officials read any record's history; others only their clusters'.
bool mayReadRecord(OfficeRequest& office, const std::string& entity, std::int64_t id)
{
    const Account& account = office.account();
    if (account.role == Role::Admin || account.role == Role::CityOfficial)
        return true;
    persistence::RegistryRepository registry(office.site.database);
    std::optional<Cluster> cluster;
    if (entity == "cluster")
        cluster = registry.findClusterById(id);
    else if (entity == "tenant")
        if (const auto tenant = persistence::TenantRepository(office.site.database).findTenant(id))
            cluster = registry.findClusterById(tenant->clusterId);
    return cluster && mayEditSomething(account, *cluster);
}

void recordPage(OfficeRequest& office, const std::string& entity, std::int64_t id)
{
    if (!office.requireSignIn() || !office.allowed(mayReadRecord(office, entity, id)))
        return;
    persistence::AuditFilter filter;
    if (entity == "cluster")
        filter.clusterId = id; // the cluster and every part of it
    else
        filter.entity = entity, filter.entityId = id;
    data view;
    view.set("heading", office.text("audit_record") + ": " + entity + " #" + std::to_string(id));
    view.set("entries", auditRows(persistence::listAudit(office.site.database, filter), office));
    office.page("office_audit", view, office.text("audit_record"));
}

// The subscription the form asks for; what is wrong with it goes into `errors`.
Subscription subscriptionFromForm(OfficeRequest& office, FieldErrors& errors)
{
    const auto& f = office.form;
    Subscription wanted;
    const auto email = normalisedEmail(f.get("email", ""));
    wanted.email = email.value_or("");
    wanted.name = f.get("name", "");
    wanted.language = f.get("language", "") == "en" ? "en" : "vi";
    if (!email)
        errors.push_back({"email", "Email không hợp lệ.", "Not a valid email address."});
    if (!acceptableDisplayName(wanted.name))
        errors.push_back(
            {"name", "Tên không hợp lệ hoặc quá dài.", "The name is not valid or too long."});
    const auto scope = parseDigestScope(f.get("scope", "all"));
    if (!scope)
        errors.push_back({"scope", "Phạm vi phải là all, district:TÊN hoặc cluster:MÃ.",
                          "The scope must be all, district:NAME or cluster:CODE."});
    else if (!KnownScopes(office.site.database, office.site.units).contains(*scope))
        errors.push_back(
            {"scope", "Không có cụm nào thuộc phạm vi này.", "No cluster is in this scope."});
    else
        wanted.scopeKind = scope->kind, wanted.scopeValue = scope->value;
    return wanted;
}

void subscriptionsPage(OfficeRequest& office, const JobSettings& jobs)
{
    if (!office.requireSignIn() ||
        !office.allowed(may(office.account(), SiteAction::ManageSubscriptions)))
        return;
    persistence::MailRepository mail(office.site.database);
    const auto& f = office.form;
    FormView form(office.language, "/admin/subscriptions", office.caller.csrfToken);
    form.heading(office.text("new_subscription"));
    form.input("email", f.get("email", ""), "email");
    form.input("name", f.get("name", ""));
    form.select("language", f.get("language", "vi"), {{"vi", "Tiếng Việt"}, {"en", "English"}});
    form.input("scope", f.get("scope", "all"));
    auto status = HTTPResponse::HTTP_OK;
    if (office.request.getMethod() == "POST")
    {
        if (!office.requireCsrf())
            return;
        const std::string scope = f.get("scope", "all");
        FieldErrors errors;
        const auto wanted = subscriptionFromForm(office, errors);
        if (errors.empty())
        {
            const auto signer = unsubscribeSigner(office.site.database, jobs);
            const auto added = mail.subscribe(wanted, office.site.clock.todayInHanoi(), signer);
            persistence::appendAuditNow(
                office.site.database,
                {office.account().email, office.address(), office.site.clock.nowRfc3339()},
                "subscription", added.id, "create",
                toJson({{"email", "", added.email}, {"scope", "", scope}}));
            return office.redirect("/admin/subscriptions");
        }
        form.errors(errors);
        status = HTTPResponse::HTTP_UNPROCESSABLE_ENTITY;
    }
    data rows{data::type::list};
    for (const auto& s : mail.activeSubscriptions())
    {
        data row;
        row.set("id", std::to_string(s.id));
        row.set("email", s.email);
        row.set("language", s.language);
        row.set("scope", s.scopeKind + (s.scopeValue.empty() ? "" : ":" + s.scopeValue));
        row.set("scope_label", scopeLabel(s, office.site.units, office.language));
        row.set("csrf", office.caller.csrfToken);
        rows.push_back(row);
    }
    data view = form.build();
    view.set("subscriptions", rows);
    office.page("office_subscriptions", view, office.text("subscriptions_title"), status);
}

void unsubscribeOne(OfficeRequest& office, std::int64_t id, const JobSettings& jobs)
{
    if (!office.requireSignIn() ||
        !office.allowed(may(office.account(), SiteAction::ManageSubscriptions)) ||
        !office.requireCsrf())
        return;
    persistence::MailRepository(office.site.database)
        .unsubscribe(unsubscribeToken(office.site.database, jobs, id),
                     office.site.clock.todayInHanoi());
    persistence::appendAuditNow(
        office.site.database,
        {office.account().email, office.address(), office.site.clock.nowRfc3339()}, "subscription",
        id, "unsubscribe", "{}");
    office.redirect("/admin/subscriptions");
}
} // namespace

void auditLogPage(OfficeRequest& office, const RouteMatch&)
{
    auditPage(office);
}

void auditRecordPage(OfficeRequest& office, const RouteMatch& match)
{
    recordPage(office, match.parameters.at("entity"),
               parseWholeNumberOrZero(match.parameters.at("id")));
}

void subscriptionsForm(OfficeRequest& office, const RouteMatch&)
{
    subscriptionsPage(office, office.site.jobs);
}

void unsubscribeSubscription(OfficeRequest& office, const RouteMatch& match)
{
    unsubscribeOne(office, parseWholeNumberOrZero(match.parameters.at("id")), office.site.jobs);
}

} // namespace tracker::net
