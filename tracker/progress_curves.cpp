#include "tracker/progress_curves.h"

#include "tracker/metrics.h"

#include <algorithm>
#include <map>

namespace tracker
{
namespace
{
Vnd totalBudget(const std::vector<WorkItem>& items)
{
    Vnd total = 0;
    for (const auto& item : items)
        total += item.budget;
    return total;
}

void addPlanned(ProgressCurves& curves, const std::vector<WorkItem>& items, const Date& from,
                const Date& to, int samples)
{
    const long span = std::max(1L, from.daysUntil(to));
    const double budget = static_cast<double>(totalBudget(items));
    for (int i = 0; i <= samples; ++i)
    {
        const Date at = from.plusDays(span * i / samples);
        const double percent = plannedProgressPercent(items, at).value_or(0);
        curves.plannedPhysical.push_back({at, percent});
        curves.plannedDisbursement.push_back({at, budget * percent / 100.0});
    }
}

void addActual(ProgressCurves& curves, const std::vector<WorkItem>& items,
               std::vector<ProgressReport> reports)
{
    std::sort(reports.begin(), reports.end(),
              [](const ProgressReport& a, const ProgressReport& b)
              { return a.date != b.date ? a.date < b.date : a.id < b.id; });
    std::map<std::int64_t, int> percentByItem;
    for (const auto& report : reports)
    {
        for (const auto& line : report.lines)
            percentByItem[line.workItemId] = line.percent;
        std::vector<WorkItem> asReported(items);
        for (auto& item : asReported)
        {
            const auto found = percentByItem.find(item.id);
            item.percentDone = found == percentByItem.end() ? 0 : found->second;
        }
        curves.actualPhysical.push_back(
            {report.date, weightedProgressPercent(asReported).value_or(0)});
        curves.actualDisbursement.push_back(
            {report.date, static_cast<double>(report.disbursedToDate)});
    }
}
} // namespace

ProgressCurves progressCurves(const std::vector<WorkItem>& items,
                              const std::vector<ProgressReport>& reports, int samples)
{
    ProgressCurves curves;
    for (const auto& item : items)
    {
        if (!curves.first || item.plannedStart < *curves.first)
            curves.first = item.plannedStart;
        if (!curves.last || *curves.last < item.plannedFinish)
            curves.last = item.plannedFinish;
    }
    for (const auto& report : reports)
    {
        if (!curves.first || report.date < *curves.first)
            curves.first = report.date;
        if (!curves.last || *curves.last < report.date)
            curves.last = report.date;
    }
    if (!items.empty() && curves.first)
        addPlanned(curves, items, *curves.first, *curves.last, std::max(1, samples));
    addActual(curves, items, reports);
    return curves;
}

std::vector<CurvePoint> monthEnds(const std::vector<CurvePoint>& curve)
{
    std::vector<CurvePoint> ends;
    for (std::size_t i = 0; i < curve.size(); ++i)
    {
        const bool last = i + 1 == curve.size();
        if (last || curve[i + 1].date.year != curve[i].date.year ||
            curve[i + 1].date.month != curve[i].date.month)
            ends.push_back(curve[i]);
    }
    return ends;
}

} // namespace tracker
