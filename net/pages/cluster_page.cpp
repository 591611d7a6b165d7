#include "net/pages/pages.h"
#include "net/views/map_views.h"
#include "net/views/page_views.h"
#include "persistence/baseline_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/delay_flag_repository.h"

#include <Poco/Net/HTMLForm.h>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
constexpr int kAllReports = 100000; // the S-curves use all; the page lists the latest

// A re-baselined plan says so: each approved baseline with its date and reason (the
// original plan is baseline 1); who approved it is in the audit log, not on public pages.
void setBaselines(data& view, const std::vector<Baseline>& baselines, Language language)
{
    data list{data::type::list};
    for (const auto& baseline : baselines)
    {
        data item;
        item.set("number", std::to_string(baseline.number));
        const auto day = Date::parseIso(baseline.createdAt.substr(0, 10));
        item.set("at", Formatter(language).date(day));
        item.set("reason", baseline.reason);
        list.push_back(item);
    }
    view.set("has_baselines", data(!baselines.empty()));
    view.set("baselines", list);
}

// The cluster's delay flags, open and recently resolved, as /delays shows them.
void setFlags(data& view, const std::vector<DelayFlag>& flags, const Date& today, Language language)
{
    const auto history = delaysView(flags, today, language);
    view.set("flags", history.get("delays") ? *history.get("delays") : data{data::type::list});
    view.set("resolved_flags",
             history.get("resolved") ? *history.get("resolved") : data{data::type::list});
    view.set("has_flags", !flags.empty());
}
} // namespace

std::string clusterPage(PageRequest& page)
{
    auto& database = page.site.database;
    const Date today = page.site.clock.todayInHanoi();
    const auto detail = persistence::ClusterRepository(database).findDetail(
        page.match.parameters.at("code"), kAllReports, today);
    if (!detail)
        return notFoundPage(page);
    const auto clusterId = detail->summary.cluster.id;
    auto view = clusterDetailView(*detail, today, page.language);
    setFlags(view, persistence::DelayFlagRepository(database).flagsOfCluster(clusterId), today,
             page.language);
    setBaselines(view, persistence::BaselineRepository(database).baselines(clusterId),
                 page.language);
    return page.render("cluster", view, detail->summary.cluster.nameVi);
}

} // namespace tracker::net
