#include "net/views/labels.h"
#include "net/views/page_views.h"
#include "net/views/places.h"
#include "net/views/svg_charts.h"
#include "tracker/earned_value.h"
#include "tracker/enums.h"
#include "tracker/progress_curves.h"
#include "tracker/schedule.h"

#include <algorithm>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;

data facts(const std::string& labelText, const std::string& value)
{
    data fact;
    fact.set("label", labelText);
    fact.set("value", value);
    return fact;
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
    // After a re-baselining the original plan is drawn beside the current one.
    const ProgressCurves original =
        detail.plan.rebaselined() ? progressCurves(detail.plan.original, {}) : ProgressCurves{};
    const std::string plannedLabel =
        detail.plan.rebaselined()
            ? label(language, "current_plan_curve") + std::to_string(detail.plan.number) + ")"
            : label(language, "planned_curve");
    CurveChart physical{label(language, "physical_curve"),
                        plannedLabel,
                        label(language, "actual_curve"),
                        curves.plannedPhysical,
                        curves.actualPhysical,
                        100,
                        false,
                        original.plannedPhysical,
                        label(language, "original_curve")};
    double top = 0;
    for (const auto* curve :
         {&curves.plannedDisbursement, &curves.actualDisbursement, &original.plannedDisbursement})
        for (const auto& point : *curve)
            top = std::max(top, point.value);
    CurveChart money{label(language, "financial_curve"),
                     plannedLabel,
                     label(language, "actual_curve"),
                     curves.plannedDisbursement,
                     curves.actualDisbursement,
                     top,
                     true,
                     original.plannedDisbursement,
                     label(language, "original_curve")};
    view.set("physical_svg", sCurveChart(physical, asOf, format));
    view.set("financial_svg", top > 0 ? sCurveChart(money, asOf, format) : std::string());
    view.set("has_curves", !curves.plannedPhysical.empty() || !curves.actualPhysical.empty());
}

// Which plan the planned %, SPI and the behind-schedule rule use, with the current figures
// and, after a re-baselining, the same figures against the original plan.
std::string planBasisText(const ClusterDetail& detail, const Date& asOf, const Formatter& format)
{
    const bool vi = format.language() == Language::Vi;
    const auto spiText = [&](const std::vector<WorkItem>& items)
    {
        const auto spi = earnedValue(items, asOf, detail.summary.disbursed).spi;
        return spi ? format.number(*spi, 2) : format.noData();
    };
    std::string text = (vi ? "Kế hoạch, SPI và cảnh báo chậm tiến độ tính theo "
                           : "Planned %, SPI and the behind-schedule rule use ") +
                       basisName(detail.plan, vi) + ": " + (vi ? "kế hoạch " : "planned ") +
                       format.percent(detail.summary.plannedPercent) + ", SPI " +
                       spiText(detail.items) + (vi ? " (ngày " : " (as of ") + format.date(asOf) +
                       ").";
    if (!detail.plan.rebaselined())
        return text;
    const auto& original = detail.plan.original;
    return text +
           (vi ? " Theo kế hoạch gốc (số 1): kế hoạch "
               : " Against the original plan "
                 "(baseline 1): planned ") +
           format.percent(plannedProgressPercent(original, asOf)) + ", SPI " + spiText(original) +
           "." +
           (detail.plan.reason.empty()
                ? std::string()
                : (vi ? " Lý do điều chỉnh: " : " Reason for re-baselining: ") +
                      detail.plan.reason);
}

// The registry facts, each with its label; unknowns say so.
data registryFacts(const Cluster& c, const Formatter& format)
{
    const Language language = format.language();
    const auto orUnknown = [&](const std::string& text)
    { return text.empty() ? format.noData() : text; };
    std::string decision = c.decisionNumber;
    if (!c.decisionDate.empty())
        decision += (decision.empty() ? "" : ", ") + c.decisionDate;
    data registry{data::type::list};
    registry.push_back(facts(label(language, "current_unit"), placementText(c, language)));
    registry.push_back(facts(label(language, "district"), formerDistrictText(c, language)));
    registry.push_back(facts(label(language, "commune"), orUnknown(c.commune)));
    registry.push_back(facts(label(language, "total_area"), format.hectares(c.totalArea)));
    registry.push_back(
        facts(label(language, "industrial_area"), format.hectares(c.industrialArea)));
    registry.push_back(
        facts(label(language, "planned_investment"), format.billionsVnd(c.plannedInvestment)));
    registry.push_back(facts(label(language, "developer"), orUnknown(c.developer)));
    registry.push_back(facts(label(language, "decision"), orUnknown(decision)));
    return registry;
}

data itemRows(const std::vector<WorkItem>& items, const Date& asOf, const Formatter& format)
{
    data rows{data::type::list};
    for (const auto& item : items)
    {
        data row;
        row.set("kind", enumLabel(item.kind, format.language()));
        row.set("planned_start", format.date(item.plannedStart));
        row.set("planned_finish", format.date(item.plannedFinish));
        row.set("budget", format.billionsVnd(item.budget));
        row.set("planned", format.percent(plannedPercentAt(item, asOf)));
        row.set("done", format.percent(static_cast<double>(item.percentDone)));
        row.set("done_value", std::to_string(item.percentDone));
        row.set("overdue", isOverdue(item, asOf));
        row.set("illustrative", item.provenance == Provenance::Illustrative);
        rows.push_back(row);
    }
    return rows;
}

// "Đã xác nhận (tiến độ giảm): <reason>" from what tracker/plausibility.h stored, or false.
data confirmedText(const std::string& stored, Language language)
{
    const auto colon = stored.find(": ");
    if (stored.empty() || colon == std::string::npos)
        return data(false);
    std::string labels, codes = stored.substr(0, colon) + ",";
    for (std::size_t start = 0, end; (end = codes.find(',', start)) != std::string::npos;
         start = end + 1)
    {
        std::string code = codes.substr(start, end - start);
        code.erase(0, code.find_first_not_of(' '));
        labels += (labels.empty() ? "" : ", ") + label(language, "doubt_" + code);
    }
    return data(label(language, "confirmed_doubts") + " (" + labels +
                "): " + stored.substr(colon + 2));
}

// The latest reports (newest first); the charts use them all.
data reportRows(const std::vector<ProgressReport>& reports, const Formatter& format)
{
    data rows{data::type::list};
    for (std::size_t i = 0; i < reports.size() && i < kReportsListed; ++i)
    {
        const auto& report = reports[i];
        data row;
        row.set("date", format.date(report.date));
        row.set("disbursed", format.billionsVnd(report.disbursedToDate));
        row.set("note", report.note);
        row.set("author", report.author);
        row.set("confirmed", confirmedText(report.confirmedDoubts, format.language()));
        rows.push_back(row);
    }
    return rows;
}

data tenantRows(const std::vector<Tenant>& tenants, const Formatter& format)
{
    data rows{data::type::list};
    for (const auto& tenant : tenants)
    {
        data row;
        row.set("company", tenant.companyName);
        row.set("tax_code", tenant.taxCode);
        row.set("sector", tenant.sector);
        row.set("leased_area", format.hectares(tenant.leasedArea));
        row.set("jobs", std::to_string(tenant.jobs));
        row.set("status", enumLabel(tenant.status, format.language()));
        row.set("confirmed", confirmedText(tenant.confirmedDoubts, format.language()));
        rows.push_back(row);
    }
    return rows;
}
} // namespace

data clusterDetailView(const ClusterDetail& detail, const Date& asOf, Language language)
{
    const Formatter format(language);
    const Cluster& c = detail.summary.cluster;
    data view = clusterRow(detail.summary, format);
    view.set("registry", registryFacts(c, format));
    view.set("source_url", c.sourceUrl.empty() ? data(false) : data(c.sourceUrl));
    // The research notes behind a row stay in the back office: the page names its source.
    view.set("placement_source", c.unitSource);
    // The placement's note is a researcher's, in English: English readers get it; the
    // legal citation above it is what a Vietnamese reader needs.
    view.set("placement_note",
             language == Language::En && !c.unitNote.empty() ? data(c.unitNote) : data(false));
    view.set("disbursed", format.billionsVnd(detail.summary.disbursed));
    view.set("items", itemRows(detail.items, asOf, format));
    view.set("has_items", !detail.items.empty());
    addCharts(view, detail, asOf, format);
    view.set("plan_basis", planBasisText(detail, asOf, format));
    view.set("reports", reportRows(detail.reports, format));
    view.set("has_reports", !detail.reports.empty());
    view.set("tenants", tenantRows(detail.tenants, format));
    view.set("has_tenants", !detail.tenants.empty());
    const bool illustrative = !detail.items.empty() || !detail.tenants.empty() ||
                              c.statusProvenance == Provenance::Illustrative;
    view.set("illustrative", illustrative);
    return view;
}

} // namespace tracker::net
