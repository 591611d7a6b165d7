#include "tracker/delay_rules.h"
#include "tracker/earned_value.h"

#include <catch2/catch.hpp>

using namespace tracker;

namespace
{
Date day(const char* iso)
{
    return *Date::parseIso(iso);
}

WorkItem item(std::int64_t id, const char* start, const char* finish, Vnd budget, int done)
{
    WorkItem w;
    w.id = id;
    w.kind = WorkKind::Drainage;
    w.plannedStart = day(start);
    w.plannedFinish = day(finish);
    w.budget = budget;
    w.percentDone = done;
    return w;
}

ProgressReport report(std::int64_t id, const char* date, std::vector<ReportLine> lines,
                      Vnd disbursed)
{
    ProgressReport r;
    r.id = id;
    r.date = day(date);
    r.lines = std::move(lines);
    r.disbursedToDate = disbursed;
    return r;
}

bool has(const std::vector<DelayFinding>& findings, DelayRuleKind rule)
{
    for (const auto& f : findings)
        if (f.rule == rule)
            return true;
    return false;
}
} // namespace

TEST_CASE("earned value: PV, EV, AC, SPI and CPI in VND", "[tracker][evm]")
{
    // 1 000 VND planned linearly over 100 days; at day 50 PV = 500.
    const std::vector<WorkItem> items{item(1, "2026-01-01", "2026-04-11", 1000, 40)};
    const auto ev = earnedValue(items, day("2026-02-20"), Vnd{800});
    CHECK(ev.planned == 500);
    CHECK(ev.earned == 400);
    REQUIRE(ev.actual);
    CHECK(*ev.actual == 800);
    REQUIRE(ev.spi);
    CHECK(*ev.spi == Approx(0.8));
    REQUIRE(ev.cpi);
    CHECK(*ev.cpi == Approx(0.5));
    CHECK_FALSE(earnedValue(items, day("2025-12-01"), std::nullopt).spi); // PV 0
    CHECK_FALSE(earnedValue(items, day("2026-02-20"), std::nullopt).cpi);
}

TEST_CASE("forecast finish: a least-squares line through recent reports", "[tracker][forecast]")
{
    // 10 % every 30 days from 20 % on 2026-01-01: 100 % is 240 days after it.
    std::vector<CurvePoint> points;
    for (int i = 0; i < 5; ++i)
        points.push_back({day("2026-01-01").plusDays(30L * i), 20.0 + 10.0 * i});
    const auto forecast = forecastFinish(points);
    REQUIRE(forecast);
    CHECK(*forecast == day("2026-01-01").plusDays(240));

    CHECK_FALSE(forecastFinish({points[0], points[1]})); // too few
    CHECK_FALSE(forecastFinish({{day("2026-01-01"), 10},
                                {day("2026-01-05"), 11},
                                {day("2026-01-09"), 12}})); // too short a span
    CHECK_FALSE(forecastFinish({{day("2026-01-01"), 30},
                                {day("2026-02-01"), 30},
                                {day("2026-03-01"), 30}})); // no progress
    CHECK(*forecastFinish({{day("2026-01-01"), 90}, {day("2026-02-01"), 100}}) ==
          day("2026-02-01")); // already done
}

TEST_CASE("each delay rule fires at its threshold and not before", "[tracker][rules]")
{
    DelayThresholds t;
    ClusterDetail c;
    c.summary.cluster.code = "x";
    c.items = {item(1, "2026-01-01", "2026-12-31", 1000, 0)};
    c.reports = {report(2, "2026-06-30", {{1, 20}}, 400), report(1, "2026-03-31", {{1, 10}}, 200)};
    c.items[0].percentDone = 20;
    c.summary.lastReportDate = day("2026-06-30");
    c.summary.disbursed = 400;

    // 2026-07-10: planned ≈ 52 %, actual 20 % → behind; SPI ≈ 0.38.
    auto findings = evaluateDelayRules(c, day("2026-07-10"), t);
    CHECK(has(findings, DelayRuleKind::BehindSchedule));
    CHECK_FALSE(has(findings, DelayRuleKind::StaleReporting)); // 10 days since the report
    CHECK_FALSE(has(findings, DelayRuleKind::OverdueWorkItem));

    // 46 days after the last report: stale, from day 46.
    findings = evaluateDelayRules(c, day("2026-08-15"), t);
    REQUIRE(has(findings, DelayRuleKind::StaleReporting));
    for (const auto& f : findings)
        if (f.rule == DelayRuleKind::StaleReporting)
            CHECK(*f.lateSince == day("2026-08-15"));
    CHECK_FALSE(has(evaluateDelayRules(c, day("2026-08-14"), t), DelayRuleKind::StaleReporting));

    // Past the planned finish, unfinished: overdue from the next day.
    findings = evaluateDelayRules(c, day("2027-01-05"), t);
    REQUIRE(has(findings, DelayRuleKind::OverdueWorkItem));
    CHECK(findings.front().subject == "item:1:drainage");
    CHECK(*findings.front().lateSince == day("2027-01-01"));

    // Disbursed 400 against a planned value of ~520 is 77 %: above the 50 % floor.
    CHECK_FALSE(has(evaluateDelayRules(c, day("2026-07-10"), t), DelayRuleKind::SlowDisbursement));
    c.summary.disbursed = 100;
    CHECK(has(evaluateDelayRules(c, day("2026-07-10"), t), DelayRuleKind::SlowDisbursement));

    // Thresholds are configuration: a looser limit silences the behind rule.
    t.behindPoints = 40;
    t.minimumSpi = 0.1;
    CHECK_FALSE(has(evaluateDelayRules(c, day("2026-07-10"), t), DelayRuleKind::BehindSchedule));
}

TEST_CASE("forecast-late and low-occupancy rules", "[tracker][rules]")
{
    DelayThresholds t;
    ClusterDetail c;
    c.items = {item(1, "2026-01-01", "2026-06-30", 1000, 40)};
    // 5 % a month: 40 % by 2026-06-30 → 100 % a year later.
    for (int i = 0; i < 6; ++i)
        c.reports.push_back(
            report(i + 1, Date{2026, 1 + i, 28}.iso().c_str(), {{1, 15 + 5 * i}}, 100));
    CHECK(has(evaluateDelayRules(c, day("2026-07-01"), t), DelayRuleKind::ForecastLate));

    ClusterDetail done;
    done.summary.cluster.status = ProjectStatus::Completed;
    done.summary.cluster.totalArea = 100000;
    done.summary.leased = 20000; // 20 %
    done.items = {item(1, "2024-01-01", "2024-12-31", 1000, 100)};
    CHECK_FALSE(has(evaluateDelayRules(done, day("2025-06-01"), t), DelayRuleKind::LowOccupancy));
    CHECK(has(evaluateDelayRules(done, day("2026-01-01"), t), DelayRuleKind::LowOccupancy));
    done.summary.leased = 60000;
    CHECK_FALSE(has(evaluateDelayRules(done, day("2026-01-01"), t), DelayRuleKind::LowOccupancy));
}

TEST_CASE("rule and severity codes round-trip", "[tracker][rules]")
{
    for (const auto rule : {DelayRuleKind::OverdueWorkItem, DelayRuleKind::BehindSchedule,
                            DelayRuleKind::StaleReporting, DelayRuleKind::SlowDisbursement,
                            DelayRuleKind::ForecastLate, DelayRuleKind::LowOccupancy})
        CHECK(delayRuleFromCode(code(rule)) == rule);
    CHECK(severityFromCode("high") == Severity::High);
    CHECK_FALSE(delayRuleFromCode("nope"));
}

TEST_CASE("after a re-baselining the behind-schedule flag says which plan it measures against",
          "[tracker][rules][baseline]")
{
    DelayThresholds t;
    ClusterDetail c;
    c.summary.cluster.code = "x";
    c.items = {item(1, "2026-01-01", "2026-12-31", 1000, 20)};
    c.summary.lastReportDate = day("2026-06-30");
    c.summary.disbursed = 400;
    const auto measureOf = [&]
    {
        for (const auto& f : evaluateDelayRules(c, day("2026-07-10"), t))
            if (f.rule == DelayRuleKind::BehindSchedule)
                return f.measureVi + " | " + f.measure;
        return std::string("<not behind>");
    };
    CHECK(measureOf().find("theo kế hoạch") == std::string::npos); // the original plan only
    c.plan.number = 2;
    c.plan.approvedAt = "2026-06-01T09:00:00+07:00";
    c.plan.original = {item(1, "2026-01-01", "2026-09-30", 1000, 20)};
    const auto measure = measureOf();
    CHECK(measure.find("theo kế hoạch số 2 (điều chỉnh ngày 01/06/2026)") != std::string::npos);
    CHECK(measure.find("against baseline 2 (approved 2026-06-01)") != std::string::npos);
}

TEST_CASE("a plan as a baseline planned it keeps today's progress and drops later items",
          "[tracker][baseline]")
{
    const std::vector<WorkItem> now{item(1, "2026-03-01", "2027-06-30", 2000, 40),
                                    item(2, "2026-05-01", "2026-12-31", 500, 10)};
    const std::vector<WorkItem> original{item(1, "2026-01-01", "2026-12-31", 1000, 0)};
    const auto asThen = asPlannedIn(now, original);
    REQUIRE(asThen.size() == 1);
    CHECK(asThen[0].plannedFinish == day("2026-12-31"));
    CHECK(asThen[0].budget == 1000);
    CHECK(asThen[0].percentDone == 40);
    // Against the original plan the same progress is further behind.
    CHECK(*plannedProgressPercent(asThen, day("2026-07-01")) >
          *plannedProgressPercent(now, day("2026-07-01")));
    PlanBasis never;
    CHECK(basisName(never, true) == "kế hoạch gốc");
    CHECK(basisName(never, false) == "the original plan");
}
