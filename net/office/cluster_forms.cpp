#include "net/office/office_forms.h"
#include "net/office/office_pages.h"
#include "net/views/labels.h"
#include "persistence/cluster_repository.h"
#include "persistence/registry_repository.h"
#include "persistence/report_repository.h"
#include "tracker/enums.h"
#include "tracker/text_checks.h"

#include <Poco/Net/HTTPServerRequest.h>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using Poco::Net::HTTPResponse;

template <typename Enum, std::size_t N>
Choices choicesOf(const Enum (&values)[N], Language language)
{
    Choices choices;
    for (const auto value : values)
        choices.emplace_back(std::string(code(value)), enumLabel(value, language));
    return choices;
}

data clusterLinks(const Account& account, const Cluster& cluster)
{
    data item;
    item.set("code", cluster.code);
    item.set("name", cluster.nameVi);
    item.set("district", cluster.district);
    item.set("id", std::to_string(cluster.id));
    item.set("report", data(may(account, ClusterAction::SubmitReport, cluster)));
    item.set("registry", data(may(account, ClusterAction::EditRegistry, cluster)));
    item.set("tenants", data(may(account, ClusterAction::EditTenants, cluster)));
    item.set("baseline", data(may(account, ClusterAction::EditSchedule, cluster)));
    item.set("delays", data(may(account, ClusterAction::AcknowledgeDelay, cluster)));
    return item;
}

void showIndex(OfficeRequest& office)
{
    const Account& account = office.account();
    data clusters{data::type::list};
    int count = 0;
    bool answersForDelays = false, answersEnquiries = false;
    for (const auto& summary :
         persistence::ClusterRepository(office.site.database).listSummaries(Date{}))
    {
        if (mayEditSomething(account, summary.cluster))
            clusters.push_back(clusterLinks(account, summary.cluster)), ++count;
        answersForDelays |= may(account, ClusterAction::AcknowledgeDelay, summary.cluster);
        answersEnquiries |= may(account, ClusterAction::AnswerEnquiries, summary.cluster);
    }
    data view;
    view.set("clusters", clusters);
    view.set("no_clusters", data(count == 0));
    view.set("users", data(may(account, SiteAction::ManageUsers)));
    view.set("audit", data(may(account, SiteAction::ReadFullAudit)));
    view.set("subscriptions", data(may(account, SiteAction::ManageSubscriptions)));
    view.set("import", data(may(account, SiteAction::Import)));
    view.set("delays", data(answersForDelays));
    view.set("enquiries", data(answersEnquiries));
    office.page("office_index", view, office.text("office_title"));
}

// The form lists every work item with its current figure, so that form index i is line i.
FormView reportFormView(OfficeRequest& office, const persistence::EditableCluster& found,
                        const ReportDraft& draft)
{
    FormView form(office.language, "/admin/clusters/" + found.cluster.code + "/report",
                  office.caller.csrfToken);
    form.heading(office.text("report_title") + " — " + found.cluster.nameVi);
    form.input("date", draft.date, "date");
    form.input("disbursed_vnd", Formatter(office.language).groupedWhole(draft.disbursed), "text");
    for (std::size_t i = 0; i < found.items.size(); ++i)
    {
        const auto& item = found.items[i];
        const std::string prefix = "items[" + std::to_string(i) + "].";
        form.hidden(prefix + "work_item", std::to_string(item.id));
        form.input(prefix + "percent", i < draft.lines.size() ? draft.lines[i].percent : "", "text",
                   enumLabel(item.kind, office.language) + " (%, " +
                       office.text("current_percent") + " " + std::to_string(item.percentDone) +
                       "%)");
    }
    form.textarea("note", draft.note);
    confirmFields(form, draft.confirm, draft.confirmReason);
    form.submit(office.text("submit_report"));
    return form;
}

ReportDraft reportDraftFromForm(const OfficeRequest& office, std::size_t itemCount)
{
    ReportDraft draft{office.form.get("date", ""),
                      {},
                      office.form.get("disbursed_vnd", ""),
                      office.form.get("note", "")};
    draft.confirm = office.form.get("confirm", "");
    draft.confirmReason = office.form.get("confirm_reason", "");
    for (std::size_t i = 0; i < itemCount; ++i)
    {
        const std::string prefix = "items[" + std::to_string(i) + "].";
        draft.lines.push_back(
            {office.form.get(prefix + "work_item", ""), office.form.get(prefix + "percent", "")});
    }
    return draft;
}

void reportPage(OfficeRequest& office, const std::string& code)
{
    const auto found = office.clusterFor(code, ClusterAction::SubmitReport);
    if (!found)
        return;
    auto status = HTTPResponse::HTTP_OK;
    ReportDraft draft;
    if (office.request.getMethod() == "POST")
    {
        if (!office.requireCsrf())
            return;
        draft = reportDraftFromForm(office, found->items.size());
        const auto result =
            submitReport(editorFor(office.site, office.account(), office.request), code, draft);
        FormView form = reportFormView(office, *found, draft);
        const std::string clusterPage =
            "/clusters/" + code + "?lang=" + std::string(net::code(office.language));
        if (applyOutcome(office, result, form, status) && !result.notices.empty())
        {
            // Saved, with something to know (an older report changes no current figure):
            // said on a page of its own rather than lost in the redirect.
            data view;
            const auto& notice = result.notices.front();
            view.set("message", office.language == Language::Vi ? notice.vi : notice.en);
            view.set("link", clusterPage);
            view.set("link_text", found->cluster.nameVi);
            return office.page("office_message", view, office.text("report_title"), status);
        }
        if (result.status == EditStatus::Done)
            return office.redirect(clusterPage);
        if (!answered(status))
            office.page("office_form", form.build(), office.text("report_title"), status);
        return;
    }
    draft.date = office.site.clock.todayInHanoi().iso();
    if (const auto disbursed =
            persistence::ReportRepository(office.site.database).latestDisbursed(found->cluster.id))
        draft.disbursed = std::to_string(*disbursed);
    for (const auto& item : found->items)
        draft.lines.push_back({std::to_string(item.id), std::to_string(item.percentDone)});
    office.page("office_form", reportFormView(office, *found, draft).build(),
                office.text("report_title"), status);
}

FormView registryFormView(OfficeRequest& office, const Cluster& cluster, const RegistryDraft& d,
                          int version)
{
    FormView form(office.language, "/admin/clusters/" + cluster.code + "/registry",
                  office.caller.csrfToken);
    form.heading(office.text("registry_title") + " — " + cluster.nameVi);
    form.hidden("version", std::to_string(version));
    form.input("name_vi", d.nameVi);
    form.input("commune", d.commune);
    form.input("developer", d.developer);
    const Formatter format(office.language);
    form.input("total_area_m2", format.groupedWhole(d.totalArea));
    form.input("industrial_area_m2", format.groupedWhole(d.industrialArea));
    form.input("planned_investment_vnd", format.groupedWhole(d.plannedInvestment));
    form.select("status", d.status, projectStatusChoices(office.language));
    form.input("planned_start", d.plannedStart, "date");
    form.input("planned_finish", d.plannedFinish, "date");
    form.input("decision_number", d.decisionNumber);
    form.input("source_url", d.sourceUrl, "url");
    form.textarea("source_notes", d.sourceNotes);
    return form;
}

RegistryDraft registryDraftFromForm(const Poco::Net::HTMLForm& f)
{
    return {f.get("name_vi", ""),
            f.get("commune", ""),
            f.get("developer", ""),
            f.get("total_area_m2", ""),
            f.get("industrial_area_m2", ""),
            f.get("planned_investment_vnd", ""),
            f.get("status", ""),
            f.get("planned_start", ""),
            f.get("planned_finish", ""),
            f.get("decision_number", ""),
            f.get("source_url", ""),
            f.get("source_notes", "")};
}

void registryPage(OfficeRequest& office, const std::string& code)
{
    const auto found = office.clusterFor(code, ClusterAction::EditRegistry);
    if (!found)
        return;
    if (office.request.getMethod() != "POST")
        return office.page("office_form",
                           registryFormView(office, found->cluster, draftOf(found->cluster),
                                            found->cluster.version)
                               .build(),
                           office.text("registry_title"));
    if (!office.requireCsrf())
        return;
    const auto draft = registryDraftFromForm(office.form);
    const int version = static_cast<int>(parseWholeNumberOrZero(office.form.get("version", "")));
    const auto result = updateRegistry(editorFor(office.site, office.account(), office.request),
                                       code, draft, version, keptTheirs(office.form));
    // On a conflict the form comes back on the newer version with the merge's values: the
    // other person's changes, this one's, and a choice for each field both changed.
    const bool clash = result.status == EditStatus::Conflict;
    FormView form =
        registryFormView(office, found->cluster, clash ? registryDraftOf(result.merged) : draft,
                         clash ? result.record.version : version);
    auto status = HTTPResponse::HTTP_OK;
    if (applyOutcome(office, result, form, status))
        return office.redirect("/clusters/" + code);
    if (!answered(status))
        office.page("office_form", form.build(), office.text("registry_title"), status);
}
} // namespace

Choices projectStatusChoices(Language language)
{
    static const ProjectStatus kStatuses[] = {
        ProjectStatus::Identification, ProjectStatus::Preparation, ProjectStatus::Implementation,
        ProjectStatus::Completion,     ProjectStatus::Completed,   ProjectStatus::Cancelled};
    return choicesOf(kStatuses, language);
}

Choices tenantStatusChoices(Language language)
{
    static const TenantStatus kStatuses[] = {TenantStatus::Registered, TenantStatus::Building,
                                             TenantStatus::Operating, TenantStatus::Left};
    return choicesOf(kStatuses, language);
}

void officeIndex(OfficeRequest& office, const RouteMatch&)
{
    if (office.requireSignIn())
        showIndex(office);
}

void reportForm(OfficeRequest& office, const RouteMatch& match)
{
    reportPage(office, match.parameters.at("code"));
}

void registryForm(OfficeRequest& office, const RouteMatch& match)
{
    registryPage(office, match.parameters.at("code"));
}

} // namespace tracker::net
