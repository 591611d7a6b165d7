#include "net/office/office_forms.h"
#include "net/office/office_pages.h"
#include "net/views/labels.h"
#include "persistence/baseline_repository.h"
#include "persistence/registry_repository.h"
#include "tracker/enums.h"
#include "tracker/text_checks.h"

#include <Poco/Net/HTTPServerRequest.h>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using Poco::Net::HTTPResponse;

Editor editorOf(OfficeRequest& office)
{
    return editorFor(office.site, office.account(), office.request);
}

data baselineHistory(OfficeRequest& office, std::int64_t clusterId)
{
    data list{data::type::list};
    for (const auto& baseline :
         persistence::BaselineRepository(office.site.database).baselines(clusterId))
    {
        data item;
        item.set("number", std::to_string(baseline.number));
        item.set("reason", baseline.reason);
        item.set("by", baseline.createdBy);
        item.set("at", baseline.createdAt);
        std::string plan;
        // Appended piece by piece: "#" + std::to_string(…) trips GCC 12's -Wrestrict false
        // positive at -O3 (GCC bug 105651).
        for (const auto& work : baseline.items)
            plan.append("#")
                .append(std::to_string(work.id))
                .append(" ")
                .append(work.plannedStart.iso())
                .append("→")
                .append(work.plannedFinish.iso())
                .append("; ");
        item.set("plan", plan);
        list.push_back(item);
    }
    return list;
}

// The blank line under the existing items that adds a work item to the new plan.
void addNewItemFields(OfficeRequest& office, FormView& form, std::size_t index,
                      const std::vector<PlanDraft>& plan)
{
    const PlanDraft blank;
    const PlanDraft& draft =
        plan.size() > index && plan[index].workItem.empty() ? plan[index] : blank;
    const std::string prefix = "items[" + std::to_string(index) + "].";
    const std::string label = office.text("new_work_item") + ": ";
    Choices kinds{{"", office.text("none_chosen")}};
    for (const auto kind : allWorkKinds())
        kinds.emplace_back(std::string(code(kind)), enumLabel(kind, office.language));
    form.select(prefix + "kind", draft.kind, kinds, label + office.text("work_kind"));
    form.input(prefix + "planned_start", draft.plannedStart, "date",
               label + office.text("f_planned_start"));
    form.input(prefix + "planned_finish", draft.plannedFinish, "date",
               label + office.text("f_planned_finish"));
    form.input(prefix + "budget_vnd", draft.budget, "text", label + office.text("f_budget_vnd"));
}

// The new-item line of a posted form, when any of its fields was filled in.
std::optional<PlanDraft> postedNewItem(const OfficeRequest& office, std::size_t index)
{
    const std::string prefix = "items[" + std::to_string(index) + "].";
    PlanDraft draft{"", office.form.get(prefix + "planned_start", ""),
                    office.form.get(prefix + "planned_finish", ""),
                    office.form.get(prefix + "budget_vnd", ""),
                    office.form.get(prefix + "kind", "")};
    if (draft.kind.empty() && draft.plannedStart.empty() && draft.plannedFinish.empty() &&
        draft.budget.empty())
        return std::nullopt;
    return draft;
}

FormView baselineForm(OfficeRequest& office, const persistence::EditableCluster& found,
                      const std::vector<PlanDraft>& plan, const std::string& reason, int basedOn)
{
    FormView form(office.language, "/admin/clusters/" + found.cluster.code + "/baseline",
                  office.caller.csrfToken);
    form.hidden("based_on", std::to_string(basedOn));
    form.heading(office.text("rebaseline") + " — " + found.cluster.nameVi,
                 office.text("baseline_intro"));
    for (std::size_t i = 0; i < found.items.size() && i < plan.size(); ++i)
    {
        const std::string prefix = "items[" + std::to_string(i) + "].";
        const std::string kind = enumLabel(found.items[i].kind, office.language);
        form.hidden(prefix + "work_item", plan[i].workItem);
        form.input(prefix + "planned_start", plan[i].plannedStart, "date",
                   kind + ": " + office.text("f_planned_start"));
        form.input(prefix + "planned_finish", plan[i].plannedFinish, "date",
                   kind + ": " + office.text("f_planned_finish"));
        form.input(prefix + "budget_vnd", plan[i].budget, "text",
                   kind + ": " + office.text("f_budget_vnd"));
    }
    addNewItemFields(office, form, found.items.size(), plan);
    form.textarea("reason", reason);
    form.submit(office.text("rebaseline"));
    return form;
}

void showBaselines(OfficeRequest& office, const FormView& form,
                   const persistence::EditableCluster& found, HTTPResponse::HTTPStatus status);

void baselinePage(OfficeRequest& office, const std::string& code)
{
    const auto found = office.clusterFor(code, ClusterAction::EditSchedule);
    if (!found)
        return;
    std::vector<PlanDraft> plan;
    for (std::size_t i = 0; i < found->items.size(); ++i)
    {
        const auto& item = found->items[i];
        const std::string prefix = "items[" + std::to_string(i) + "].";
        const auto& f = office.form;
        plan.push_back({std::to_string(item.id),
                        f.get(prefix + "planned_start", item.plannedStart.iso()),
                        f.get(prefix + "planned_finish", item.plannedFinish.iso()),
                        f.get(prefix + "budget_vnd", std::to_string(item.budget)),
                        std::string(tracker::code(item.kind))});
    }
    if (auto added = postedNewItem(office, plan.size()))
        plan.push_back(*added);
    const std::string reason = office.form.get("reason", "");
    const int latest =
        persistence::BaselineRepository(office.site.database).latestBaseline(found->cluster.id);
    auto status = HTTPResponse::HTTP_OK;
    if (office.request.getMethod() != "POST")
        return showBaselines(office, baselineForm(office, *found, plan, reason, latest), *found,
                             status);
    if (!office.requireCsrf())
        return;
    const int basedOn = static_cast<int>(parseWholeNumberOrZero(office.form.get("based_on", "0")));
    const auto result =
        rebaseline(editorOf(office), code, plan, reason, basedOn, keptTheirs(office.form));
    // On a conflict the re-shown form is based on the newer baseline with the merged plan
    // and a choice for each date or budget both changed.
    const bool clash = result.status == EditStatus::Conflict;
    FormView form = baselineForm(office, *found, clash ? planWith(plan, result.merged) : plan,
                                 reason, clash ? result.record : basedOn);
    if (applyOutcome(office, result, form, status))
        return office.redirect("/admin/clusters/" + code + "/baseline");
    if (!answered(status))
        showBaselines(office, form, *found, status);
}

void showBaselines(OfficeRequest& office, const FormView& form,
                   const persistence::EditableCluster& found, HTTPResponse::HTTPStatus status)
{
    data view = form.build();
    view.set("baselines", baselineHistory(office, found.cluster.id));
    office.page("office_baseline", view, office.text("baseline_title"), status);
}
} // namespace

void baselineForm(OfficeRequest& office, const RouteMatch& match)
{
    baselinePage(office, match.parameters.at("code"));
}

} // namespace tracker::net
