#include "net/office/office_forms.h"
#include "net/office/office_pages.h"
#include "net/views/labels.h"
#include "persistence/registry_repository.h"
#include "persistence/tenant_repository.h"
#include "tracker/enums.h"
#include "tracker/report_period.h"
#include "tracker/text_checks.h"

#include <Poco/Net/HTTPServerRequest.h>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using Poco::Net::HTTPResponse;

FormView tenantFormView(OfficeRequest& office, const std::string& action,
                        const std::string& heading, const TenantDraft& d, int version)
{
    FormView form(office.language, action, office.caller.csrfToken);
    form.heading(heading);
    if (version > 0)
        form.hidden("version", std::to_string(version));
    form.input("company_name", d.companyName);
    form.input("tax_code", d.taxCode);
    form.input("sector", d.sector);
    form.checkbox("supporting_industry", !d.supportingIndustry.empty());
    form.checkbox("foreign_invested", !d.foreignInvested.empty());
    const Formatter format(office.language);
    form.input("leased_area_m2", format.groupedWhole(d.leasedArea));
    form.input("registered_capital_vnd", format.groupedWhole(d.registeredCapital));
    form.input("jobs", d.jobs);
    form.select("status", d.status, tenantStatusChoices(office.language));
    form.input("lease_start", d.leaseStart, "date");
    confirmFields(form, d.confirm, d.confirmReason);
    return form;
}

TenantDraft tenantDraftFromForm(const Poco::Net::HTMLForm& f)
{
    TenantDraft draft{f.get("company_name", ""),   f.get("tax_code", ""),
                      f.get("sector", ""),         f.get("supporting_industry", ""),
                      f.get("leased_area_m2", ""), f.get("registered_capital_vnd", ""),
                      f.get("jobs", ""),           f.get("status", ""),
                      f.get("lease_start", ""),    f.get("foreign_invested", "")};
    draft.confirm = f.get("confirm", "");
    draft.confirmReason = f.get("confirm_reason", "");
    return draft;
}

Editor editorOf(OfficeRequest& office)
{
    return editorFor(office.site, office.account(), office.request);
}

void tenantList(OfficeRequest& office, const std::string& code)
{
    const auto found = office.clusterFor(code, ClusterAction::EditTenants);
    if (!found)
        return;
    data tenants{data::type::list};
    for (const auto& tenant : found->tenants)
    {
        data item;
        item.set("id", std::to_string(tenant.id));
        item.set("name", tenant.companyName);
        item.set("tax_code", tenant.taxCode);
        item.set("status", enumLabel(tenant.status, office.language));
        item.set("period", ReportPeriod::current(office.site.clock.todayInHanoi()).code());
        tenants.push_back(item);
    }
    data view;
    view.set("code", code);
    view.set("cluster", found->cluster.nameVi);
    view.set("tenants", tenants);
    office.page("office_tenants", view, office.text("tenants_title"));
}

void newTenant(OfficeRequest& office, const std::string& code)
{
    const auto found = office.clusterFor(code, ClusterAction::EditTenants);
    if (!found)
        return;
    const std::string action = "/admin/clusters/" + code + "/tenants/new";
    const std::string heading = office.text("new_tenant") + " — " + found->cluster.nameVi;
    if (office.request.getMethod() != "POST")
    {
        TenantDraft blank;
        blank.status = "registered";
        return office.page("office_form", tenantFormView(office, action, heading, blank, 0).build(),
                           office.text("new_tenant"));
    }
    if (!office.requireCsrf())
        return;
    const auto draft = tenantDraftFromForm(office.form);
    const auto result = createTenant(editorOf(office), code, draft);
    FormView form = tenantFormView(office, action, heading, draft, 0);
    auto status = HTTPResponse::HTTP_OK;
    if (applyOutcome(office, result, form, status))
        return office.redirect("/admin/clusters/" + code + "/tenants");
    if (!answered(status))
        office.page("office_form", form.build(), office.text("new_tenant"), status);
}

void editTenant(OfficeRequest& office, std::int64_t id)
{
    if (!office.requireSignIn())
        return;
    const auto tenant = persistence::TenantRepository(office.site.database).findTenant(id);
    const auto owner = tenant ? persistence::RegistryRepository(office.site.database)
                                    .findClusterById(tenant->clusterId)
                              : std::nullopt;
    if (!tenant || !owner)
        return office.notFound();
    if (!office.allowed(may(office.account(), ClusterAction::EditTenants, *owner)))
        return;
    const std::string action = "/admin/tenants/" + std::to_string(id);
    const std::string heading = office.text("edit_tenant") + " — " + owner->nameVi;
    if (office.request.getMethod() != "POST")
        return office.page(
            "office_form",
            tenantFormView(office, action, heading, draftOf(*tenant), tenant->version).build(),
            office.text("edit_tenant"));
    if (!office.requireCsrf())
        return;
    const auto draft = tenantDraftFromForm(office.form);
    const int version = static_cast<int>(parseWholeNumberOrZero(office.form.get("version", "")));
    const auto result = updateTenant(editorOf(office), id, draft, version, keptTheirs(office.form));
    // On a conflict: the newer version with the merge's values and a choice where both
    // changed a field (the confirmation stays as typed).
    const bool clash = result.status == EditStatus::Conflict;
    auto shown = clash ? tenantDraftOf(result.merged) : draft;
    shown.confirm = draft.confirm;
    shown.confirmReason = draft.confirmReason;
    FormView form =
        tenantFormView(office, action, heading, shown, clash ? result.record.version : version);
    auto status = HTTPResponse::HTTP_OK;
    if (applyOutcome(office, result, form, status))
        return office.redirect("/admin/clusters/" + owner->code + "/tenants");
    if (!answered(status))
        office.page("office_form", form.build(), office.text("edit_tenant"), status);
}

} // namespace

void tenantListPage(OfficeRequest& office, const RouteMatch& match)
{
    tenantList(office, match.parameters.at("code"));
}

void newTenantForm(OfficeRequest& office, const RouteMatch& match)
{
    newTenant(office, match.parameters.at("code"));
}

void tenantForm(OfficeRequest& office, const RouteMatch& match)
{
    editTenant(office, parseWholeNumberOrZero(match.parameters.at("id")));
}

} // namespace tracker::net
