#pragma once

#include "tracker/metrics.h"

#include <optional>
#include <string>
#include <vector>

namespace tracker
{

// The delay rules the daily scan applies. Each is a pure function of a cluster's records at
// a date; thresholds come from configuration (jobs.* keys) with these defaults.
enum class DelayRuleKind
{
    OverdueWorkItem,       // planned finish passed, under 100 %
    BehindSchedule,        // planned − actual ≥ points, or SPI below a floor
    StaleReporting,        // no progress report for too many days
    SlowDisbursement,      // disbursed far below the value of the work planned by now
    ForecastLate,          // the pace of recent reports finishes well after the plan
    LowOccupancy,          // completed, and still mostly empty after some months
    StatutoryReportOverdue // the developer's Biểu 02 (TT 14/2024) not filed by its deadline
};

enum class Severity
{
    Low,
    Medium,
    High
};

struct DelayThresholds
{
    double behindPoints = 10;           // percentage points
    double minimumSpi = 0.8;            // schedule performance index
    int staleReportDays = 45;           // days since the last report
    double slowDisbursementRatio = 0.5; // disbursed ÷ planned value
    int forecastLateDays = 30;          // forecast finish − planned finish
    double minimumOccupancyPercent = 50;
    int occupancyGraceMonths = 12; // after completion
    // The first reporting period the tracker collects Biểu 02 for: earlier ones were filed
    // on paper, so their absence here is no delay.
    std::string firstStatutoryPeriod = "2026-Y";
};

// One rule that holds for one cluster (and, for overdue items, one work item).
struct DelayFinding
{
    DelayRuleKind rule = DelayRuleKind::OverdueWorkItem;
    Severity severity = Severity::Medium;
    std::string subject; // within the cluster: "item:12:drainage" (id and kind) or ""
    std::optional<WorkKind> workKind;
    std::optional<Date> lateSince; // when the rule's condition started, when it is known
    std::string measure;           // the numbers that triggered it: "planned 62.0 %, actual 41.5 %"
    std::string measureVi; // the same in Vietnamese: "kế hoạch 62,0 %, thực tế 41,5 %"
};

// Every rule that holds for the cluster at asOf.
std::vector<DelayFinding> evaluateDelayRules(const ClusterDetail& cluster, const Date& asOf,
                                             const DelayThresholds& thresholds);

std::string_view code(DelayRuleKind rule);
std::string_view labelVi(DelayRuleKind rule);
std::string_view labelEn(DelayRuleKind rule);
std::optional<DelayRuleKind> delayRuleFromCode(std::string_view code);
std::string_view code(Severity severity);
std::string_view labelVi(Severity severity);
std::string_view labelEn(Severity severity);
std::optional<Severity> severityFromCode(std::string_view code);

} // namespace tracker
