#include "tracker/delay_rules.h"

#include "tracker/code_table.h"
#include "tracker/earned_value.h"
#include "tracker/enums.h"
#include "tracker/progress_curves.h"
#include "tracker/schedule.h"

#include <array>
#include <cstdio>

namespace tracker
{
namespace
{
constexpr int kDaysPerMonth = 30;

std::string numbers(const char* format, double a, double b)
{
    char text[128];
    std::snprintf(text, sizeof text, format, a, b);
    return text;
}

// Vietnamese writes a decimal comma: "41,5 %".
std::string numbersVi(const char* format, double a, double b)
{
    std::string text = numbers(format, a, b);
    for (auto& c : text)
        if (c == '.')
            c = ',';
    return text;
}

void overdueItems(const ClusterDetail& c, const Date& asOf, std::vector<DelayFinding>& out)
{
    for (const auto& item : c.items)
    {
        if (!isOverdue(item, asOf))
            continue;
        DelayFinding finding;
        finding.lateSince = item.plannedFinish.plusDays(1);
        const long late = daysLateSince(*finding.lateSince, asOf);
        finding.daysLate = late;
        finding.rule = DelayRuleKind::OverdueWorkItem;
        finding.severity = late > 90   ? Severity::High
                           : late > 30 ? Severity::Medium
                                       : Severity::Low;
        finding.subject = "item:" + std::to_string(item.id) + ":" + std::string(code(item.kind));
        finding.workKind = item.kind;
        finding.measure =
            numbers("%.0f days late, %.0f %% done", static_cast<double>(late), item.percentDone);
        finding.measureVi = numbersVi("chậm %.0f ngày, đã xong %.0f %%", static_cast<double>(late),
                                      item.percentDone);
        out.push_back(finding);
    }
}

// Planned against actual progress, and the SPI, when both percentages are known.
struct ScheduleGap
{
    double planned = 0, actual = 0;
    std::optional<double> spi;
    bool holds(const DelayThresholds& t) const
    {
        const bool lowSpi = spi && *spi < t.minimumSpi && planned >= t.behindPoints;
        return planned - actual >= t.behindPoints || lowSpi;
    }
};

std::optional<ScheduleGap> scheduleGap(const std::vector<WorkItem>& items,
                                       const std::optional<Vnd>& disbursed, const Date& asOf)
{
    const auto planned = plannedProgressPercent(items, asOf);
    const auto actual = weightedProgressPercent(items);
    if (!planned || !actual)
        return std::nullopt;
    return ScheduleGap{*planned, *actual, earnedValue(items, asOf, disbursed).spi};
}

DelayThresholds configuredThresholds;

void behindSchedule(const ClusterDetail& c, const Date& asOf, const DelayThresholds& t,
                    std::vector<DelayFinding>& out)
{
    const auto schedule = scheduleGap(c.items, c.summary.disbursed, asOf);
    if (!schedule || !schedule->holds(t))
        return;
    const auto& [planned, actual, spi] = *schedule;
    DelayFinding finding;
    finding.rule = DelayRuleKind::BehindSchedule;
    finding.severity = planned - actual >= 2 * t.behindPoints ? Severity::High : Severity::Medium;
    finding.measure = numbers("planned %.1f %%, actual %.1f %%", planned, actual) +
                      (spi ? numbers(", SPI %.2f (floor %.2f)", *spi, t.minimumSpi) : "");
    finding.measureVi = numbersVi("kế hoạch %.1f %%, thực tế %.1f %%", planned, actual) +
                        (spi ? numbersVi(", SPI %.2f (ngưỡng %.2f)", *spi, t.minimumSpi) : "");
    // After a re-baselining the yardstick moved: say which plan this is measured against.
    if (c.plan.rebaselined())
    {
        finding.measure += ", against " + basisName(c.plan, false);
        finding.measureVi += ", theo " + basisName(c.plan, true);
    }
    out.push_back(finding);
}

void staleReporting(const ClusterDetail& c, const Date& asOf, const DelayThresholds& t,
                    std::vector<DelayFinding>& out)
{
    const auto last = c.summary.lastReportDate;
    const bool building = !c.items.empty() && weightedProgressPercent(c.items).value_or(0) < 100;
    if (!last || !building || last->daysUntil(asOf) <= t.staleReportDays)
        return;
    DelayFinding finding;
    finding.rule = DelayRuleKind::StaleReporting;
    finding.severity =
        last->daysUntil(asOf) > 2 * t.staleReportDays ? Severity::High : Severity::Medium;
    finding.lateSince = last->plusDays(t.staleReportDays + 1);
    finding.daysLate = daysLateSince(*finding.lateSince, asOf);
    finding.measure = numbers("%.0f days since the last report (limit %.0f)",
                              static_cast<double>(last->daysUntil(asOf)), t.staleReportDays);
    finding.measureVi = numbersVi("%.0f ngày không có báo cáo (giới hạn %.0f)",
                                  static_cast<double>(last->daysUntil(asOf)), t.staleReportDays);
    out.push_back(finding);
}

void slowDisbursement(const ClusterDetail& c, const Date& asOf, const DelayThresholds& t,
                      std::vector<DelayFinding>& out)
{
    const EarnedValue ev = earnedValue(c.items, asOf, c.summary.disbursed);
    if (!ev.actual || ev.planned <= 0)
        return;
    const double ratio = static_cast<double>(*ev.actual) / static_cast<double>(ev.planned);
    if (ratio >= t.slowDisbursementRatio)
        return;
    DelayFinding finding;
    finding.rule = DelayRuleKind::SlowDisbursement;
    finding.severity = ratio < t.slowDisbursementRatio / 2 ? Severity::High : Severity::Medium;
    finding.measureVi = numbersVi("giải ngân %.1f %% giá trị kế hoạch (ngưỡng %.0f %%)",
                                  100 * ratio, 100 * t.slowDisbursementRatio);
    finding.measure = numbers("disbursed %.1f %% of the planned value (limit %.0f %%)", 100 * ratio,
                              100 * t.slowDisbursementRatio);
    out.push_back(finding);
}

void forecastLate(const ClusterDetail& c, const DelayThresholds& t, std::vector<DelayFinding>& out)
{
    if (c.items.empty())
        return;
    const auto curves = progressCurves(c.items, c.reports);
    const auto forecast = forecastFinish(curves.actualPhysical);
    if (!forecast || !curves.last)
        return;
    Date plannedFinish = c.items.front().plannedFinish;
    for (const auto& item : c.items)
        plannedFinish = std::max(plannedFinish, item.plannedFinish);
    const long slip = plannedFinish.daysUntil(*forecast);
    if (slip <= t.forecastLateDays)
        return;
    DelayFinding finding;
    finding.rule = DelayRuleKind::ForecastLate;
    finding.severity = slip > 4 * t.forecastLateDays ? Severity::High : Severity::Medium;
    finding.daysLate = slip;
    finding.measure = "forecast " + forecast->iso() + ", planned " + plannedFinish.iso() + ", " +
                      std::to_string(slip) + " days late";
    finding.measureVi = "dự báo xong " + forecast->vietnamese() + ", kế hoạch " +
                        plannedFinish.vietnamese() + ", muộn " + std::to_string(slip) + " ngày";
    out.push_back(finding);
}

void lowOccupancy(const ClusterDetail& c, const Date& asOf, const DelayThresholds& t,
                  std::vector<DelayFinding>& out)
{
    if (c.summary.cluster.status != ProjectStatus::Completed || c.items.empty())
        return;
    Date finished = c.items.front().plannedFinish;
    for (const auto& item : c.items)
        finished = std::max(finished, item.plannedFinish);
    const Date due = finished.plusDays(static_cast<long>(t.occupancyGraceMonths) * kDaysPerMonth);
    const auto occupied = occupancy(c.summary.cluster, c.summary.leased);
    if (asOf < due || !occupied || occupied->percent >= t.minimumOccupancyPercent)
        return;
    DelayFinding finding;
    finding.rule = DelayRuleKind::LowOccupancy;
    finding.severity = Severity::Low;
    finding.lateSince = due;
    finding.daysLate = daysLateSince(due, asOf);
    finding.measureVi = numbersVi("lấp đầy %.1f %% (tối thiểu %.0f %%)", occupied->percent,
                                  t.minimumOccupancyPercent);
    finding.measure = numbers("occupancy %.1f %% (minimum %.0f %%)", occupied->percent,
                              t.minimumOccupancyPercent);
    out.push_back(finding);
}

constexpr CodeTable<DelayRuleKind, 7> kRules{{{
    {DelayRuleKind::OverdueWorkItem, "overdue_work_item", "Hạng mục quá hạn", "Overdue work item"},
    {DelayRuleKind::BehindSchedule, "behind_schedule", "Chậm so với kế hoạch", "Behind schedule"},
    {DelayRuleKind::StaleReporting, "stale_reporting", "Không báo cáo tiến độ",
     "No recent progress report"},
    {DelayRuleKind::SlowDisbursement, "slow_disbursement", "Giải ngân chậm", "Slow disbursement"},
    {DelayRuleKind::ForecastLate, "forecast_late", "Dự báo hoàn thành muộn",
     "Forecast to finish late"},
    {DelayRuleKind::LowOccupancy, "low_occupancy", "Tỷ lệ lấp đầy thấp", "Low occupancy"},
    {DelayRuleKind::StatutoryReportOverdue, "statutory_report_overdue",
     "Chưa gửi báo cáo định kỳ (Biểu 02)", "Statutory report not filed (Biểu 02)"},
}}};

constexpr CodeTable<Severity, 3> kSeverities{{{
    {Severity::Low, "low", "Thấp", "Low"},
    {Severity::Medium, "medium", "Trung bình", "Medium"},
    {Severity::High, "high", "Cao", "High"},
}}};

} // namespace

bool isBehindSchedule(const std::vector<WorkItem>& items, const std::optional<Vnd>& disbursed,
                      const Date& asOf, const DelayThresholds& thresholds)
{
    if (overdueItemCount(items, asOf) > 0)
        return true;
    const auto schedule = scheduleGap(items, disbursed, asOf);
    return schedule && schedule->holds(thresholds);
}

void useDelayThresholds(const DelayThresholds& thresholds)
{
    configuredThresholds = thresholds;
}

const DelayThresholds& delayThresholds()
{
    return configuredThresholds;
}

std::vector<DelayFinding> evaluateDelayRules(const ClusterDetail& cluster, const Date& asOf,
                                             const DelayThresholds& thresholds)
{
    std::vector<DelayFinding> findings;
    overdueItems(cluster, asOf, findings);
    behindSchedule(cluster, asOf, thresholds, findings);
    staleReporting(cluster, asOf, thresholds, findings);
    slowDisbursement(cluster, asOf, thresholds, findings);
    forecastLate(cluster, thresholds, findings);
    lowOccupancy(cluster, asOf, thresholds, findings);
    return findings;
}

std::string_view code(DelayRuleKind rule)
{
    return kRules.names(rule).code;
}
std::string_view labelVi(DelayRuleKind rule)
{
    return kRules.names(rule).vi;
}
std::string_view labelEn(DelayRuleKind rule)
{
    return kRules.names(rule).en;
}
std::optional<DelayRuleKind> delayRuleFromCode(std::string_view code)
{
    return kRules.fromCode(code);
}
std::string_view code(Severity severity)
{
    return kSeverities.names(severity).code;
}
std::string_view labelVi(Severity severity)
{
    return kSeverities.names(severity).vi;
}
std::string_view labelEn(Severity severity)
{
    return kSeverities.names(severity).en;
}
std::optional<Severity> severityFromCode(std::string_view code)
{
    return kSeverities.fromCode(code);
}

} // namespace tracker
