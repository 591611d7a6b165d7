#include "net/office/office_forms.h"
#include "net/office/office_pages.h"
#include "net/views/labels.h"
#include "net/views/locale.h"
#include "persistence/cluster_repository.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/registry_repository.h"
#include "tracker/enums.h"
#include "tracker/text_checks.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <algorithm>
#include <map>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using Poco::Net::HTTPResponse;

// The overview stays one readable page: the most urgent flags, and how many more there are
// (each cluster's page lists all of its own).
constexpr std::size_t kListedFlags = 300;

std::string measureOf(const DelayFlag& flag, Language language)
{
    return language == Language::Vi && !flag.measureVi.empty() ? flag.measureVi : flag.measure;
}

data flagRow(const DelayFlag& flag, Language language)
{
    const Formatter format(language);
    data row;
    row.set("id", std::to_string(flag.id));
    row.set("cluster", flag.clusterName);
    row.set("cluster_code", flag.clusterCode);
    row.set("rule", enumLabel(flag.rule, language));
    row.set("severity", enumLabel(flag.severity, language));
    row.set("measure", measureOf(flag, language));
    row.set("since", format.date(flag.lateSince.value_or(flag.raisedOn)));
    row.set("acknowledged", data(flag.acknowledgedOn.has_value()));
    row.set("acknowledged_by", flag.acknowledgedBy);
    row.set("acknowledged_on", format.date(flag.acknowledgedOn));
    row.set("acknowledgement", flag.acknowledgement);
    return row;
}

// /admin/clusters/{code}/delays: the cluster's open flags, each with a link to answer it.
void delayList(OfficeRequest& office, const std::string& code)
{
    const auto found = office.clusterFor(code, ClusterAction::AcknowledgeDelay);
    if (!found)
        return;
    data flags{data::type::list};
    bool none = true;
    for (const auto& flag :
         persistence::DelayFlagRepository(office.site.database).flagsOfCluster(found->cluster.id))
        if (!flag.resolvedOn)
            flags.push_back(flagRow(flag, office.language)), none = false;
    data view;
    view.set("cluster", found->cluster.nameVi);
    view.set("code", code);
    view.set("flags", flags);
    view.set("no_flags", data(none));
    office.page("office_delays", view, office.text("flags_title"));
}

// /admin/delays: every open flag the account answers for, those still unanswered first and
// the most severe first within each, so that an official sees at once what waits for them.
void delayOverview(OfficeRequest& office)
{
    if (!office.requireSignIn())
        return;
    const Account& account = office.account();
    std::map<std::int64_t, Cluster> answerable;
    for (const auto& summary :
         persistence::ClusterRepository(office.site.database).listSummaries(Date{}))
        if (may(account, ClusterAction::AcknowledgeDelay, summary.cluster))
            answerable.emplace(summary.cluster.id, summary.cluster);
    if (!office.allowed(!answerable.empty()))
        return;
    auto open = persistence::DelayFlagRepository(office.site.database).openFlags();
    std::stable_sort(open.begin(), open.end(),
                     [](const DelayFlag& a, const DelayFlag& b)
                     {
                         if (a.acknowledgedOn.has_value() != b.acknowledgedOn.has_value())
                             return !a.acknowledgedOn.has_value();
                         return static_cast<int>(a.severity) > static_cast<int>(b.severity);
                     });
    data flags{data::type::list};
    std::size_t count = 0;
    for (const auto& flag : open)
        if (answerable.count(flag.clusterId) > 0 && ++count <= kListedFlags)
            flags.push_back(flagRow(flag, office.language));
    data view;
    view.set("all_clusters", true);
    view.set("count", std::to_string(count));
    view.set("more",
             count > kListedFlags ? data(std::to_string(count - kListedFlags)) : data(false));
    view.set("flags", flags);
    view.set("no_flags", data(count == 0));
    office.page("office_delays", view, office.text("flags_title"));
}

FormView acknowledgeForm(OfficeRequest& office, const DelayFlag& flag, const std::string& comment)
{
    FormView form(office.language, "/admin/delays/" + std::to_string(flag.id),
                  office.caller.csrfToken);
    form.hidden("version", std::to_string(flag.version));
    form.heading(office.text("acknowledge") + " — " + flag.clusterName + ": " +
                     enumLabel(flag.rule, office.language),
                 measureOf(flag, office.language));
    form.textarea("comment", comment);
    form.submit(office.text("acknowledge"));
    return form;
}

// /admin/delays/{id}: an official acknowledges a flag with a comment.
void acknowledgePage(OfficeRequest& office, std::int64_t flagId)
{
    if (!office.requireSignIn())
        return;
    const auto flag = persistence::DelayFlagRepository(office.site.database).findFlag(flagId);
    if (!flag)
        return office.notFound();
    const auto cluster =
        persistence::RegistryRepository(office.site.database).findClusterById(flag->clusterId);
    if (!cluster ||
        !office.allowed(may(office.account(), ClusterAction::AcknowledgeDelay, *cluster)))
        return;
    const std::string comment = office.form.get("comment", flag->acknowledgement);
    if (office.request.getMethod() != "POST")
    {
        FormView form = acknowledgeForm(office, *flag, comment);
        if (flag->resolvedOn)
            form.notice(office.text("flag_resolved"));
        return office.page("office_form", form.build(), office.text("acknowledge"));
    }
    if (!office.requireCsrf())
        return;
    const int version = static_cast<int>(parseWholeNumberOrZero(office.form.get("version", "0")));
    const auto result = acknowledgeDelay(editorFor(office.site, office.account(), office.request),
                                         flagId, comment, version, keptTheirs(office.form));
    // On a conflict the form comes back on the newer version, with this comment kept and a
    // choice between it and the other official's.
    const bool clash = result.status == EditStatus::Conflict;
    FormView form = acknowledgeForm(office, clash ? result.record : *flag, comment);
    auto status = HTTPResponse::HTTP_OK;
    if (applyOutcome(office, result, form, status))
        return office.redirect("/admin/clusters/" + cluster->code + "/delays");
    if (!answered(status))
        office.page("office_form", form.build(), office.text("acknowledge"), status);
}
} // namespace

void delayOverviewPage(OfficeRequest& office, const RouteMatch&)
{
    delayOverview(office);
}

void clusterDelaysPage(OfficeRequest& office, const RouteMatch& match)
{
    delayList(office, match.parameters.at("code"));
}

void acknowledgementForm(OfficeRequest& office, const RouteMatch& match)
{
    acknowledgePage(office, parseWholeNumberOrZero(match.parameters.at("id")));
}

} // namespace tracker::net
