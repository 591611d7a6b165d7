// An official confirms which current xã/phường a cluster lies in, removing the doubt the
// 2025 source left (a split old commune, an inferred step, a guess).
#include "net/access/auth.h"
#include "net/office/office_forms.h"
#include "net/office/office_pages.h"
#include "net/views/collation.h"
#include "net/views/places.h"
#include "tracker/text_checks.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <algorithm>

namespace tracker::net
{
namespace
{
using Poco::Net::HTTPResponse;

FormView unitFormView(OfficeRequest& office, const Cluster& cluster, const UnitConfirmation& draft,
                      int version)
{
    FormView form(office.language, "/admin/clusters/" + cluster.code + "/units",
                  office.caller.csrfToken);
    form.heading(office.text("units_title") + " — " + cluster.nameVi,
                 placementText(cluster, office.language) + ". " + cluster.unitNote);
    form.hidden("version", std::to_string(version));
    const auto& units = office.site.units;
    form.select("unit_1", draft.codes.size() > 0 ? draft.codes[0] : "", unitChoices(units, false));
    form.select("unit_2", draft.codes.size() > 1 ? draft.codes[1] : "", unitChoices(units, true));
    form.textarea("evidence", draft.evidence);
    return form;
}

// What the form proposes at first: the source's units, sure ones first.
UnitConfirmation proposedUnits(const Cluster& cluster)
{
    UnitConfirmation draft;
    for (const bool certain : {true, false})
        for (const auto& unit : cluster.units)
            if (unit.certain == certain && draft.codes.size() < 2)
                draft.codes.push_back(unit.code);
    return draft;
}

UnitConfirmation draftFromForm(const Poco::Net::HTMLForm& f)
{
    UnitConfirmation draft;
    for (const char* field : {"unit_1", "unit_2"})
        if (const auto code = trimmedCopy(f.get(field, "")); !code.empty())
            draft.codes.push_back(code);
    draft.evidence = trimmedCopy(f.get("evidence", ""));
    return draft;
}
} // namespace

Choices unitChoices(const AdminUnits& units, bool withBlank)
{
    std::vector<const AdminUnit*> sorted;
    for (const auto& unit : units.all())
        sorted.push_back(&unit);
    std::sort(sorted.begin(), sorted.end(),
              [](const AdminUnit* a, const AdminUnit* b)
              { return vietnameseLess(a->name, b->name); });
    Choices choices;
    if (withBlank)
        choices.emplace_back("", "—");
    for (const auto* unit : sorted)
        choices.emplace_back(unit->code, unit->name + " (" + unit->code + ")");
    return choices;
}

void unitsForm(OfficeRequest& office, const RouteMatch& match)
{
    const auto& code = match.parameters.at("code");
    const auto found = office.clusterFor(code, ClusterAction::EditRegistry);
    if (!found)
        return;
    if (office.request.getMethod() != "POST")
        return office.page("office_form",
                           unitFormView(office, found->cluster, proposedUnits(found->cluster),
                                        found->cluster.version)
                               .build(),
                           office.text("units_title"));
    if (!office.requireCsrf())
        return;
    const auto draft = draftFromForm(office.form);
    const int version = static_cast<int>(parseWholeNumberOrZero(office.form.get("version", "")));
    const auto result = confirmUnits(editorFor(office.site, office.account(), office.request), code,
                                     draft, version, office.site.units);
    const int nextVersion = result.status == EditStatus::Conflict ? result.record.version : version;
    FormView form = unitFormView(office, found->cluster, draft, nextVersion);
    auto status = HTTPResponse::HTTP_OK;
    if (applyOutcome(office, result, form, status))
        return office.redirect("/clusters/" + code);
    if (!answered(status))
        office.page("office_form", form.build(), office.text("units_title"), status);
}

} // namespace tracker::net
