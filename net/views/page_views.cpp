#include "net/views/page_views.h"

#include "net/views/collation.h"
#include "net/views/labels.h"
#include "net/views/svg_charts.h"
#include "tracker/enums.h"
#include "tracker/progress_curves.h"
#include "tracker/schedule.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/URI.h>
#include <algorithm>
#include <map>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;

std::string encoded(const std::string& value)
{
    std::string out;
    Poco::URI::encode(value, "&=+?#/ ", out);
    return out;
}

std::string occupancyText(const ClusterSummary& s, const Formatter& format, Language language)
{
    const auto occupied = occupancy(s.cluster, s.leased);
    if (!occupied)
        return format.noData();
    std::string text = format.percent(occupied->percent);
    if (occupied->basis == OccupancyBasis::TotalArea)
        text += " (" + label(language, "basis_total_area") + ")";
    return text;
}

double gap(const ClusterSummary& s)
{
    return s.plannedPercent.value_or(0) - s.progressPercent.value_or(0);
}
} // namespace

data clusterRow(const ClusterSummary& s, const Formatter& format)
{
    const Cluster& c = s.cluster;
    const Language language = format.language();
    data row;
    row.set("code", c.code);
    row.set("href", "/clusters/" + encoded(c.code));
    row.set("name", c.nameVi);
    row.set("district", c.district);
    row.set("district_href", "/districts/" + districtSlug(c.district));
    row.set("status", enumLabel(c.status, language));
    row.set("status_code", std::string(code(c.status)));
    row.set("area", format.hectares(c.totalArea));
    row.set("investment", format.billionsVnd(c.plannedInvestment));
    row.set("progress", format.percent(s.progressPercent));
    row.set("progress_value", format.number(s.progressPercent.value_or(0), 0));
    row.set("planned", format.percent(s.plannedPercent));
    row.set("gap", s.progressPercent ? format.number(gap(s), 1) : format.noData());
    row.set("behind", s.isBehind());
    row.set("overdue_items", std::to_string(s.overdueItems));
    row.set("occupancy", occupancyText(s, format, language));
    row.set("tenant_count", std::to_string(s.tenantCount));
    row.set("last_report", format.date(s.lastReportDate));
    return row;
}

data dashboardView(const std::vector<ClusterSummary>& summaries,
                   const std::vector<ReportedTotals>& reported, Language language)
{
    const Formatter format(language);
    const PortfolioTotals totals = portfolioTotals(summaries);
    data view;
    view.set("cluster_count", std::to_string(totals.clusterCount));
    view.set("total_area", format.hectares(totals.totalArea));
    view.set("planned_investment", format.billionsVnd(totals.plannedInvestment));
    view.set("disbursed", format.billionsVnd(totals.disbursed));
    view.set("average_progress", format.percent(totals.averageProgressPercent));
    view.set("occupancy", totals.totalArea > 0
                              ? format.percent(100.0 * static_cast<double>(totals.leased) /
                                               static_cast<double>(totals.totalArea))
                              : format.noData());
    const auto behind = std::count_if(summaries.begin(), summaries.end(),
                                      [](const ClusterSummary& s) { return s.isBehind(); });
    view.set("behind_count", std::to_string(behind));
    view.set("coverage", std::to_string(totals.clustersWithArea) + "/" +
                             std::to_string(totals.clusterCount) + " · " +
                             std::to_string(totals.clustersWithInvestment) + "/" +
                             std::to_string(totals.clusterCount));
    data reportedList{data::type::list};
    for (const auto& r : reported)
    {
        data entry;
        entry.set("year", std::to_string(r.year));
        entry.set("cluster_count", std::to_string(r.clusterCount));
        entry.set("area", r.qualifier + " " + format.hectares(r.area));
        entry.set("investment", r.qualifier + " " + format.billionsVnd(r.investment));
        entry.set("source", r.source);
        reportedList.push_back(entry);
    }
    view.set("reported", reportedList);

    std::map<std::string, std::vector<ClusterSummary>> byDistrict;
    for (const auto& s : summaries)
        byDistrict[s.cluster.district].push_back(s);
    std::vector<std::string> districts;
    for (const auto& [name, members] : byDistrict)
        districts.push_back(name);
    std::sort(districts.begin(), districts.end(), vietnameseLess);
    data districtRows{data::type::list};
    for (const auto& name : districts)
    {
        const auto t = portfolioTotals(byDistrict[name]);
        data row;
        row.set("district", name);
        row.set("href", "/clusters?district=" + encoded(name));
        row.set("district_href", "/districts/" + districtSlug(name));
        row.set("clusters", std::to_string(t.clusterCount));
        row.set("area", format.hectares(t.totalArea));
        row.set("progress", format.percent(t.averageProgressPercent));
        districtRows.push_back(row);
    }
    view.set("districts", districtRows);

    std::vector<ClusterSummary> worst(summaries);
    std::sort(worst.begin(), worst.end(),
              [](const ClusterSummary& a, const ClusterSummary& b) { return gap(a) > gap(b); });
    data worstRows{data::type::list};
    for (std::size_t i = 0; i < worst.size() && i < 8 && gap(worst[i]) > 0; ++i)
        worstRows.push_back(clusterRow(worst[i], format));
    view.set("furthest_behind", worstRows);
    return view;
}

data clusterListView(const std::vector<ClusterSummary>& all,
                     const std::vector<ClusterSummary>& matching, const ClusterQuery& query,
                     Language language)
{
    const Formatter format(language);
    data view;
    view.set("q", query.text);
    view.set("behind_only", query.behindOnly);
    view.set("result_count", std::to_string(matching.size()));

    std::vector<std::string> districts;
    for (const auto& s : all)
    {
        if (std::find(districts.begin(), districts.end(), s.cluster.district) == districts.end())
            districts.push_back(s.cluster.district);
    }
    std::sort(districts.begin(), districts.end(), vietnameseLess);
    data districtOptions{data::type::list};
    for (const auto& name : districts)
    {
        data option;
        option.set("value", name);
        option.set("selected", name == query.district);
        districtOptions.push_back(option);
    }
    view.set("districts", districtOptions);

    data statusOptions{data::type::list};
    for (const auto status :
         {ProjectStatus::Identification, ProjectStatus::Preparation, ProjectStatus::Implementation,
          ProjectStatus::Completion, ProjectStatus::Completed, ProjectStatus::Cancelled})
    {
        data option;
        option.set("value", std::string(code(status)));
        option.set("label", enumLabel(status, language));
        option.set("selected", code(status) == query.status);
        statusOptions.push_back(option);
    }
    view.set("statuses", statusOptions);

    data sortOptions{data::type::list};
    for (const auto& [value, key] :
         std::vector<std::pair<std::string, std::string>>{{"name", "sort_name"},
                                                          {"progress", "sort_progress"},
                                                          {"gap", "sort_gap"},
                                                          {"area", "sort_area"}})
    {
        data option;
        option.set("value", value);
        option.set("label", label(language, key));
        option.set("selected", value == query.sort);
        sortOptions.push_back(option);
    }
    view.set("sorts", sortOptions);

    const PageSlice slice = slicePage(matching.size(), query.page, ClusterQuery::kPageSize);
    const int page = slice.page;
    const int pages = slice.pages;
    data rows{data::type::list};
    for (std::size_t i = slice.begin; i < slice.end; ++i)
        rows.push_back(clusterRow(matching[i], format));
    view.set("rows", rows);
    view.set("empty", matching.empty());
    view.set("paginated", pages > 1);
    view.set("page", std::to_string(page));
    view.set("pages", std::to_string(pages));
    const std::string base = "/clusters?q=" + encoded(query.text) +
                             "&district=" + encoded(query.district) +
                             "&status=" + encoded(query.status) +
                             (query.behindOnly ? "&behind=1" : "") + "&sort=" + query.sort;
    if (page > 1)
        view.set("previous_href", base + "&page=" + std::to_string(page - 1));
    if (page < pages)
        view.set("next_href", base + "&page=" + std::to_string(page + 1));
    return view;
}

} // namespace tracker::net
