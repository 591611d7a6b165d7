#include "net/pages/pages.h"
#include "net/views/land_views.h"
#include "net/views/map_views.h"
#include "net/views/page_views.h"
#include "persistence/baseline_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/enquiry_repository.h"
#include "persistence/plot_repository.h"

#include <Poco/Net/HTMLForm.h>
#include <algorithm>
#include <set>

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
void setFlags(data& view, const std::vector<DelayFlag>& flags, Language language)
{
    const auto history = delaysView(flags, language);
    view.set("flags", history.get("delays") ? *history.get("delays") : data{data::type::list});
    view.set("resolved_flags",
             history.get("resolved") ? *history.get("resolved") : data{data::type::list});
    view.set("has_flags", !flags.empty());
}

// How fast the cluster's developer answers investors: the median days to the first answer
// over every cluster it develops (only this cluster's when the developer is not on record).
// Counts only, never who asked.
void setAnswerTimes(data& view, PageRequest& page, const Cluster& cluster, const Date& today)
{
    std::set<std::int64_t> sameDeveloper{cluster.id};
    if (!cluster.developer.empty())
        for (const auto& s : page.site.summaries.summaries(page.site.database, today))
            if (s.cluster.developer == cluster.developer)
                sameDeveloper.insert(s.cluster.id);
    std::vector<Enquiry> theirs;
    for (auto& e : persistence::EnquiryRepository(page.site.database).list())
        if (sameDeveloper.count(e.clusterId))
            theirs.push_back(std::move(e));
    const auto median = medianDaysToAnswer(theirs);
    if (!median)
        return view.set("answers", data(false));
    data answers;
    answers.set("days", std::to_string(*median));
    answers.set("count", std::to_string(std::count_if(theirs.begin(), theirs.end(),
                                                      [](const Enquiry& e)
                                                      { return e.answeredOn.has_value(); })));
    answers.set("as_of", Formatter(page.language).date(today));
    view.set("answers", answers);
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
    view.set("code", detail->summary.cluster.code);
    setAnswerTimes(view, page, detail->summary.cluster, today);
    const auto plots = persistence::PlotRepository(database).ofCluster(clusterId);
    view.set("plots", plotList(plots, Formatter(page.language)));
    view.set("has_plots", !plots.empty());
    setFlags(view, persistence::DelayFlagRepository(database).flagsOfCluster(clusterId),
             page.language);
    setBaselines(view, persistence::BaselineRepository(database).baselines(clusterId),
                 page.language);
    return page.render("cluster", view, detail->summary.cluster.nameVi);
}

} // namespace tracker::net
