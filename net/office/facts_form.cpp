// A cluster's facts for the statutory forms and Điều 8: industrial land ready to lease, the
// wastewater plant, the approval dates, craft-village or specialised; each unknown until
// entered, with its source.
#include "net/access/auth.h"
#include "net/office/office_forms.h"
#include "net/office/office_pages.h"
#include "net/operations/statutory_operations.h"
#include "persistence/cluster_facts_repository.h"
#include "tracker/text_checks.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>

namespace tracker::net
{
namespace
{
using Poco::Net::HTTPResponse;

std::string yesNoText(const std::optional<bool>& value)
{
    return value ? (*value ? "1" : "0") : "";
}

ClusterFactsDraft draftOf(const ClusterFacts& f)
{
    return {f.readyToLease ? std::to_string(*f.readyToLease) : "",
            f.wastewater ? std::string(code(*f.wastewater)) : "",
            yesNoText(f.wastewaterCompliant),
            f.detailedPlanApproved ? f.detailedPlanApproved->iso() : "",
            f.infraProjectApproved ? f.infraProjectApproved->iso() : "",
            yesNoText(f.craftVillage),
            yesNoText(f.specialised),
            f.source,
            f.developerContact,
            f.leaseTerms};
}

ClusterFactsDraft draftFromForm(const Poco::Net::HTMLForm& f)
{
    return {trimmedCopy(f.get("ready_to_lease_m2", "")),
            f.get("wastewater_state", ""),
            f.get("wastewater_compliant", ""),
            f.get("detailed_plan_approved_on", ""),
            f.get("infra_project_approved_on", ""),
            f.get("craft_village", ""),
            f.get("specialised", ""),
            f.get("source", ""),
            f.get("developer_contact", ""),
            f.get("lease_terms", "")};
}

Choices yesNoChoices(Language language)
{
    const bool vi = language == Language::Vi;
    return {{"", vi ? "Chưa rõ" : "Unknown"}, {"1", vi ? "Có" : "Yes"}, {"0", vi ? "Không" : "No"}};
}

FormView factsFormView(OfficeRequest& office, const Cluster& cluster, const ClusterFactsDraft& d,
                       int version)
{
    const bool vi = office.language == Language::Vi;
    FormView form(office.language, "/admin/clusters/" + cluster.code + "/facts",
                  office.caller.csrfToken);
    form.heading(office.text("facts_title") + " — " + cluster.nameVi, office.text("facts_intro"));
    form.hidden("version", std::to_string(version));
    form.input("ready_to_lease_m2", d.readyToLease);
    form.select("wastewater_state", d.wastewater,
                {{"", vi ? "Chưa rõ" : "Unknown"},
                 {"none", vi ? "Chưa đầu tư" : "None"},
                 {"building", vi ? "Đang xây dựng" : "Being built"},
                 {"built", vi ? "Đã xây dựng" : "Built"}});
    form.select("wastewater_compliant", d.wastewaterCompliant, yesNoChoices(office.language));
    form.input("detailed_plan_approved_on", d.detailedPlanApproved, "date");
    form.input("infra_project_approved_on", d.infraProjectApproved, "date");
    form.select("craft_village", d.craftVillage, yesNoChoices(office.language));
    form.select("specialised", d.specialised, yesNoChoices(office.language));
    form.textarea("source", d.source);
    form.input("developer_contact", d.developerContact);
    form.textarea("lease_terms", d.leaseTerms);
    return form;
}
} // namespace

void factsForm(OfficeRequest& office, const RouteMatch& match)
{
    const auto& code = match.parameters.at("code");
    const auto found = office.clusterFor(code, ClusterAction::EditRegistry);
    if (!found)
        return;
    const auto current =
        persistence::ClusterFactsRepository(office.site.database).find(found->cluster.id);
    if (office.request.getMethod() != "POST")
        return office.page(
            "office_form",
            factsFormView(office, found->cluster, draftOf(current), current.version).build(),
            office.text("facts_title"));
    if (!office.requireCsrf())
        return;
    const auto draft = draftFromForm(office.form);
    const int version = static_cast<int>(parseWholeNumberOrZero(office.form.get("version", "")));
    const auto result = updateClusterFacts(editorFor(office.site, office.account(), office.request),
                                           code, draft, version);
    FormView form =
        factsFormView(office, found->cluster, draft,
                      result.status == EditStatus::Conflict ? result.record.version : version);
    auto status = HTTPResponse::HTTP_OK;
    if (applyOutcome(office, result, form, status))
        return office.redirect("/clusters/" + code);
    if (!answered(status))
        office.page("office_form", form.build(), office.text("facts_title"), status);
}

} // namespace tracker::net
