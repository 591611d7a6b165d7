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
    // The one "days late" of the finding, which its measure quotes and every page, the API,
    // the feed and the email show; none where lateness has no count of days (behind the
    // planned %, slow disbursement). See daysLateSince().
    std::optional<long> daysLate;
    std::string measure;   // the numbers that triggered it: "planned 62.0 %, actual 41.5 %"
    std::string measureVi; // the same in Vietnamese: "kế hoạch 62,0 %, thực tế 41,5 %"
};

// Days late, one definition: whole days since the last day that was still on time, so the day
// after a planned finish (or on a "due before" date) is 1 day late. `firstLateDay` is that
// first late day. A forecast's days late are instead the days its finish falls after the plan.
inline long daysLateSince(const Date& firstLateDay, const Date& asOf)
{
    return firstLateDay.daysUntil(asOf) + 1;
}

// "Behind schedule", one definition for the overview, the lists and their filter, districts,
// communes, the map, the API, feeds and email: a work item past its planned finish under
// 100 %, or the behind_schedule rule holding (planned − actual at least behindPoints, or the
// SPI under minimumSpi) — the daily scan's two schedule rules, at the same date.
bool isBehindSchedule(const std::vector<WorkItem>& items, const std::optional<Vnd>& disbursed,
                      const Date& asOf, const DelayThresholds& thresholds);

// The thresholds this process judges by: the scan's configured ones (jobs.rules.*), set once
// at start-up so that every "behind" agrees with the flags; the defaults until then.
void useDelayThresholds(const DelayThresholds& thresholds);
const DelayThresholds& delayThresholds();

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
