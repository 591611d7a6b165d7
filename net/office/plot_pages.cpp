// The plots a developer publishes for a cluster (/admin/clusters/{code}/plots): add or
// change one by its label, or take one off; each change audited. Shown on the cluster's
// page and in /land, where an investor filters them by sector.
#include "net/access/auth.h"
#include "net/office/form_view.h"
#include "net/office/office.h"
#include "net/office/office_pages.h"
#include "net/views/locale.h"
#include "persistence/plot_repository.h"

#include <Poco/Net/HTTPServerRequest.h>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using Poco::Net::HTTPResponse;

Choices statusChoices(Language language)
{
    Choices choices;
    for (const auto s : {PlotStatus::Available, PlotStatus::Reserved, PlotStatus::Leased})
        choices.emplace_back(std::string(code(s)), std::string(label(s, language == Language::En)));
    return choices;
}

void showPlots(OfficeRequest& office, const Cluster& cluster, const PlotDraft& draft,
               const FieldErrors& errors, const std::string& notice,
               HTTPResponse::HTTPStatus status)
{
    const std::string action = "/admin/clusters/" + cluster.code + "/plots";
    FormView form(office.language, action, office.caller.csrfToken);
    form.heading(office.text("plots_title") + " — " + cluster.nameVi, office.text("plots_intro"));
    form.hidden("do", "put");
    form.input("label", draft.label);
    form.input("plot_area_ha", draft.areaHa);
    form.select("status", draft.status.empty() ? "available" : draft.status,
                statusChoices(office.language));
    form.input("sectors", draft.sectors);
    form.submit(office.text("plots_save"));
    form.errors(errors);
    if (!notice.empty())
        form.notice(notice);
    data view = form.build();
    const Formatter format(office.language);
    data rows{data::type::list};
    for (const auto& plot : persistence::PlotRepository(office.site.database).ofCluster(cluster.id))
    {
        data row;
        row.set("label", plot.label);
        row.set("area", format.hectares(std::optional<SquareMetres>(plot.area)));
        row.set("status", std::string(label(plot.status, office.language == Language::En)));
        row.set("sectors", plot.sectors);
        row.set("action", action);
        row.set("csrf", office.caller.csrfToken);
        rows.push_back(row);
    }
    view.set("plots", rows);
    view.set("code", cluster.code);
    office.page("office_plots", view, office.text("plots_title"), status);
}
} // namespace

void plotsForm(OfficeRequest& office, const RouteMatch& match)
{
    const auto found = office.clusterFor(match.parameters.at("code"), ClusterAction::EditTenants);
    if (!found)
        return;
    const Cluster& cluster = found->cluster;
    if (office.request.getMethod() != "POST")
        return showPlots(office, cluster, {}, {}, "", HTTPResponse::HTTP_OK);
    if (!office.requireCsrf())
        return;
    const auto editor = editorFor(office.site, office.account(), office.request);
    persistence::PlotRepository plots(office.site.database);
    if (office.form.get("do", "") == "remove")
    {
        const bool removed = plots.remove(cluster.id, office.form.get("label", ""), editor.audit());
        if (removed)
            editor.written(cluster.code);
        return showPlots(office, cluster, {}, {}, removed ? office.text("saved") : "",
                         removed ? HTTPResponse::HTTP_OK : HTTPResponse::HTTP_NOT_FOUND);
    }
    const PlotDraft draft{office.form.get("label", ""), office.form.get("plot_area_ha", ""),
                          office.form.get("status", ""), office.form.get("sectors", "")};
    const auto checked = validatePlot(draft, cluster);
    if (const auto* errors = std::get_if<FieldErrors>(&checked))
        return showPlots(office, cluster, draft, *errors, "",
                         HTTPResponse::HTTP_UNPROCESSABLE_ENTITY);
    plots.put(std::get<Plot>(checked), editor.audit());
    editor.written(cluster.code);
    showPlots(office, cluster, {}, {}, office.text("saved"), HTTPResponse::HTTP_OK);
}

} // namespace tracker::net
