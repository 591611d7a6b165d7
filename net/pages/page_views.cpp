#include "net/pages/page_views.h"

#include "net/views/labels.h"
#include "net/views/svg_charts.h"
#include "tracker/enums.h"
#include "tracker/progress_curves.h"
#include "tracker/schedule.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/URI.h>
#include <algorithm>
#include <map>
#include <memory>
#include <unicode/coll.h>

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

data facts(const std::string& labelText, const std::string& value)
{
    data fact;
    fact.set("label", labelText);
    fact.set("value", value);
    return fact;
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

constexpr std::size_t kReportsListed = 24; // the charts use every report

void addCharts(data& view, const ClusterDetail& detail, const Date& asOf, const Formatter& format)
{
    const Language language = format.language();
    std::vector<ScheduleRow> rows;
    for (const auto& item : detail.items)
        rows.push_back({enumLabel(item.kind, language), item.plannedStart, item.plannedFinish,
                        item.percentDone, isOverdue(item, asOf)});
    view.set("schedule_svg", scheduleChart(rows, asOf, label(language, "schedule_chart"), format));
    const ProgressCurves curves = progressCurves(detail.items, detail.reports);
    CurveChart physical{label(language, "physical_curve"),
                        label(language, "planned_curve"),
                        label(language, "actual_curve"),
                        curves.plannedPhysical,
                        curves.actualPhysical,
                        100,
                        false};
    double top = 0;
    for (const auto* curve : {&curves.plannedDisbursement, &curves.actualDisbursement})
        for (const auto& point : *curve)
            top = std::max(top, point.value);
    CurveChart money{label(language, "financial_curve"),
                     label(language, "planned_curve"),
                     label(language, "actual_curve"),
                     curves.plannedDisbursement,
                     curves.actualDisbursement,
                     top,
                     true};
    view.set("physical_svg", sCurveChart(physical, asOf, format));
    view.set("financial_svg", top > 0 ? sCurveChart(money, asOf, format) : std::string());
    view.set("has_curves", !curves.plannedPhysical.empty() || !curves.actualPhysical.empty());
}

double gap(const ClusterSummary& s)
{
    return s.plannedPercent.value_or(0) - s.progressPercent.value_or(0);
}
} // namespace

bool vietnameseLess(const std::string& a, const std::string& b)
{
    thread_local std::unique_ptr<icu::Collator> collator = []
    {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> made(
            icu::Collator::createInstance(icu::Locale("vi"), status));
        return U_SUCCESS(status) ? std::move(made) : nullptr;
    }();
    if (!collator)
        return a < b;
    UErrorCode status = U_ZERO_ERROR;
    return collator->compareUTF8(a, b, status) == UCOL_LESS;
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

data clusterDetailView(const ClusterDetail& detail, const Date& asOf, Language language)
{
    const Formatter format(language);
    const Cluster& c = detail.summary.cluster;
    data view = clusterRow(detail.summary, format);
    data registry{data::type::list};
    registry.push_back(facts(label(language, "district"), c.district));
    registry.push_back(
        facts(label(language, "commune"), c.commune.empty() ? format.noData() : c.commune));
    registry.push_back(facts(label(language, "total_area"), format.hectares(c.totalArea)));
    registry.push_back(
        facts(label(language, "industrial_area"), format.hectares(c.industrialArea)));
    registry.push_back(
        facts(label(language, "planned_investment"), format.billionsVnd(c.plannedInvestment)));
    registry.push_back(
        facts(label(language, "developer"), c.developer.empty() ? format.noData() : c.developer));
    std::string decision = c.decisionNumber;
    if (!c.decisionDate.empty())
        decision += (decision.empty() ? "" : ", ") + c.decisionDate;
    registry.push_back(
        facts(label(language, "decision"), decision.empty() ? format.noData() : decision));
    view.set("registry", registry);
    view.set("source_url", c.sourceUrl);
    view.set("source_notes", c.sourceNotes);
    view.set("disbursed", format.billionsVnd(detail.summary.disbursed));

    data items{data::type::list};
    for (const auto& item : detail.items)
    {
        data row;
        row.set("kind", enumLabel(item.kind, language));
        row.set("planned_start", format.date(item.plannedStart));
        row.set("planned_finish", format.date(item.plannedFinish));
        row.set("budget", format.billionsVnd(item.budget));
        row.set("planned", format.percent(plannedPercentAt(item, asOf)));
        row.set("done", format.percent(static_cast<double>(item.percentDone)));
        row.set("done_value", std::to_string(item.percentDone));
        row.set("overdue", isOverdue(item, asOf));
        row.set("illustrative", item.provenance == Provenance::Illustrative);
        items.push_back(row);
    }
    view.set("items", items);
    view.set("has_items", !detail.items.empty());
    addCharts(view, detail, asOf, format);

    data reports{data::type::list};
    for (std::size_t i = 0; i < detail.reports.size() && i < kReportsListed; ++i)
    {
        const auto& report = detail.reports[i];
        data row;
        row.set("date", format.date(report.date));
        row.set("disbursed", format.billionsVnd(report.disbursedToDate));
        row.set("note", report.note);
        row.set("author", report.author);
        reports.push_back(row);
    }
    view.set("reports", reports);
    view.set("has_reports", !detail.reports.empty());

    data tenants{data::type::list};
    for (const auto& tenant : detail.tenants)
    {
        data row;
        row.set("company", tenant.companyName);
        row.set("tax_code", tenant.taxCode);
        row.set("sector", tenant.sector);
        row.set("leased_area", format.hectares(tenant.leasedArea));
        row.set("jobs", std::to_string(tenant.jobs));
        row.set("status", enumLabel(tenant.status, language));
        tenants.push_back(row);
    }
    view.set("tenants", tenants);
    view.set("has_tenants", !detail.tenants.empty());
    const bool illustrative = !detail.items.empty() || !detail.tenants.empty() ||
                              c.statusProvenance == Provenance::Illustrative;
    view.set("illustrative", illustrative);
    return view;
}

} // namespace tracker::net
