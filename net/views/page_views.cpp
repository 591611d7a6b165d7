#include "net/views/page_views.h"

#include "net/views/article8_views.h"
#include "net/views/collation.h"
#include "net/views/commune_views.h"
#include "net/views/labels.h"
#include "net/views/places.h"
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

// Links to the pages of the cluster's current units, a candidate marked as one.
data unitLinks(const Cluster& c, Language language)
{
    data links{data::type::list};
    for (const auto* unit : unitsOf(c))
    {
        data link;
        link.set("name", language == Language::En ? unit->nameInEnglish() : unit->nameInText());
        link.set("href", "/communes/" + unit->slug);
        links.push_back(link);
    }
    return links;
}

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
    row.set("former_district", formerDistrictText(c, language));
    row.set("placement", placementText(c, language));
    row.set("unit_links", unitLinks(c, language));
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

namespace
{
void setTotals(data& view, const std::vector<ClusterSummary>& summaries, const Formatter& format)
{
    const PortfolioTotals totals = portfolioTotals(summaries);
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
}

// The registry's cohorts (2022's reported list, then each later year of establishment) and
// how current it is: the latest establishment decision it holds, with that record's source.
void setRegistryState(data& view, const std::vector<ClusterSummary>& summaries,
                      const Formatter& format)
{
    std::map<int, std::vector<ClusterSummary>> byCohort;
    std::optional<Date> latest;
    std::string latestSource;
    for (const auto& s : summaries)
    {
        byCohort[s.cluster.cohort].push_back(s);
        const auto decided = Date::parseIso(s.cluster.decisionDate);
        if (decided && (!latest || *latest < *decided))
            latest = decided, latestSource = s.cluster.sourceUrl;
    }
    data cohorts{data::type::list};
    for (const auto& [year, members] : byCohort)
    {
        const auto t = portfolioTotals(members);
        data row;
        row.set("year", std::to_string(year));
        row.set("label", std::string(label(format.language(),
                                           year == 2022 ? "cohort_2022" : "cohort_later")) +
                             (year == 2022 ? "" : " " + std::to_string(year)));
        row.set("cluster_count", std::to_string(t.clusterCount));
        row.set("area", format.hectares(t.totalArea));
        row.set("investment", t.clustersWithInvestment > 0 ? format.billionsVnd(t.plannedInvestment)
                                                           : format.noData());
        cohorts.push_back(row);
    }
    view.set("cohorts", cohorts);
    view.set("registry_as_of", latest ? format.date(*latest) : format.noData());
    view.set("registry_as_of_source", latestSource);
}

data reportedRows(const std::vector<ReportedTotals>& reported, const Formatter& format)
{
    data rows{data::type::list};
    for (const auto& r : reported)
    {
        data entry;
        entry.set("year", std::to_string(r.year));
        entry.set("cluster_count", std::to_string(r.clusterCount));
        entry.set("area", r.qualifier + " " + format.hectares(r.area));
        entry.set("investment", r.qualifier + " " + format.billionsVnd(r.investment));
        entry.set("source", r.source);
        rows.push_back(entry);
    }
    return rows;
}

// One row per district, in Vietnamese order, with its totals.
data districtRows(const std::vector<ClusterSummary>& summaries, const Formatter& format)
{
    std::map<std::string, std::vector<ClusterSummary>> byDistrict;
    for (const auto& s : summaries)
        byDistrict[s.cluster.district].push_back(s);
    std::vector<std::string> districts;
    for (const auto& [name, members] : byDistrict)
        districts.push_back(name);
    std::sort(districts.begin(), districts.end(), vietnameseLess);
    data rows{data::type::list};
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
        rows.push_back(row);
    }
    return rows;
}

// The eight clusters furthest behind their plan, worst first.
data furthestBehind(std::vector<ClusterSummary> summaries, const Formatter& format)
{
    std::sort(summaries.begin(), summaries.end(),
              [](const ClusterSummary& a, const ClusterSummary& b) { return gap(a) > gap(b); });
    data rows{data::type::list};
    for (std::size_t i = 0; i < summaries.size() && i < 8 && gap(summaries[i]) > 0; ++i)
        rows.push_back(clusterRow(summaries[i], format));
    return rows;
}

data districtOptions(const std::vector<ClusterSummary>& all, const std::string& selected)
{
    std::vector<std::string> districts;
    for (const auto& s : all)
    {
        if (std::find(districts.begin(), districts.end(), s.cluster.district) == districts.end())
            districts.push_back(s.cluster.district);
    }
    std::sort(districts.begin(), districts.end(), vietnameseLess);
    data options{data::type::list};
    for (const auto& name : districts)
    {
        data option;
        option.set("value", name);
        option.set("selected", name == selected);
        options.push_back(option);
    }
    return options;
}

data statusOptions(const std::string& selected, Language language)
{
    data options{data::type::list};
    for (const auto status :
         {ProjectStatus::Identification, ProjectStatus::Preparation, ProjectStatus::Implementation,
          ProjectStatus::Completion, ProjectStatus::Completed, ProjectStatus::Cancelled})
    {
        data option;
        option.set("value", std::string(code(status)));
        option.set("label", enumLabel(status, language));
        option.set("selected", code(status) == selected);
        options.push_back(option);
    }
    return options;
}

data sortOptions(const std::string& selected, Language language)
{
    data options{data::type::list};
    for (const auto& [value, key] :
         std::vector<std::pair<std::string, std::string>>{{"name", "sort_name"},
                                                          {"progress", "sort_progress"},
                                                          {"gap", "sort_gap"},
                                                          {"area", "sort_area"}})
    {
        data option;
        option.set("value", value);
        option.set("label", label(language, key));
        option.set("selected", value == selected);
        options.push_back(option);
    }
    return options;
}

// The page of matching rows, and links to the pages before and after it.
void setResultPage(data& view, const std::vector<ClusterSummary>& matching,
                   const ClusterQuery& query, const Formatter& format)
{
    const PageSlice slice = slicePage(matching.size(), query.page, ClusterQuery::kPageSize);
    data rows{data::type::list};
    for (std::size_t i = slice.begin; i < slice.end; ++i)
        rows.push_back(clusterRow(matching[i], format));
    view.set("rows", rows);
    view.set("empty", matching.empty());
    setPager(view, slice.page, slice.pages,
             "/clusters?q=" + encoded(query.text) + "&district=" + encoded(query.district) +
                 "&commune=" + encoded(query.commune) + "&status=" + encoded(query.status) +
                 (query.behindOnly ? "&behind=1" : "") + "&sort=" + query.sort + "&page=");
}
} // namespace

void setPager(data& view, int page, int pages, const std::string& hrefBase)
{
    view.set("paginated", pages > 1);
    view.set("page", std::to_string(page));
    view.set("pages", std::to_string(pages));
    if (page > 1)
        view.set("previous_href", hrefBase + std::to_string(page - 1));
    if (page < pages)
        view.set("next_href", hrefBase + std::to_string(page + 1));
}

data dashboardView(const std::vector<ClusterSummary>& summaries,
                   const std::vector<ReportedTotals>& reported, Language language)
{
    const Formatter format(language);
    data view;
    setTotals(view, summaries, format);
    view.set("reported", reportedRows(reported, format));
    setRegistryState(view, summaries, format);
    view.set("communes", communeRows(groupByCommune(summaries), format));
    std::vector<Article8Cluster> established;
    for (const auto& s : summaries)
        established.push_back({s.cluster, s.leased, {}});
    setArticle8View(view, newClusterVerdict(established), {}, language);
    view.set("furthest_behind", furthestBehind(summaries, format));
    return view;
}

data formerDistrictsView(const std::vector<ClusterSummary>& summaries, Language language)
{
    const Formatter format(language);
    data view;
    view.set("districts", districtRows(summaries, format));
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
    view.set("districts", districtOptions(all, query.district));
    view.set("communes", communeOptions(all, query.commune, language));
    view.set("statuses", statusOptions(query.status, language));
    view.set("sorts", sortOptions(query.sort, language));
    setResultPage(view, matching, query, format);
    return view;
}

data communeOptions(const std::vector<ClusterSummary>& all, const std::string& selected,
                    Language language)
{
    std::vector<const AdminUnit*> units;
    for (const auto& s : all)
        for (const auto* unit : unitsOf(s.cluster))
            if (std::find(units.begin(), units.end(), unit) == units.end())
                units.push_back(unit);
    std::sort(units.begin(), units.end(),
              [](const AdminUnit* a, const AdminUnit* b)
              { return vietnameseLess(a->name, b->name); });
    data options{data::type::list};
    for (const auto* unit : units)
    {
        data option;
        option.set("value", unit->code);
        option.set("label", language == Language::En ? unit->nameInEnglish() : unit->name);
        option.set("selected", unit->code == selected);
        options.push_back(option);
    }
    return options;
}

} // namespace tracker::net
