#include "net/jobs/jobs.h"
#include "net/jobs/unsubscribe_tokens.h"
#include "net/jobs/weekly_digest.h"
#include "persistence/cluster_writer.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/job_repository.h"
#include "persistence/migrations.h"
#include "persistence/statutory_repository.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>
#include <soci/soci.h>

using namespace tracker;
using namespace tracker::net;
using namespace tracker::persistence;

namespace
{
Date day(const char* iso)
{
    return *Date::parseIso(iso);
}

HanoiTime at(const char* date, int hour, int minute)
{
    return {day(date), hour, minute};
}

long long unixAt(const char* instant)
{
    return *parseInstant(instant);
}

// One cluster with one work item planned over 2026 and monthly reports until `lastReport`.
struct MonthOfReports
{
    testing::TestDatabase test;
    std::int64_t clusterId = 0;
    std::int64_t itemId = 0;

    MonthOfReports()
    {
        migrate(test.database());
        test.database().withSession(
            [&](soci::session& session)
            {
                Cluster cluster;
                cluster.code = "thu";
                cluster.nameVi = "Cụm thử";
                cluster.district = "Thạch Thất";
                cluster.status = ProjectStatus::Implementation;
                clusterId = insertCluster(session, cluster);
                WorkItem item;
                item.clusterId = clusterId;
                item.kind = WorkKind::Drainage;
                item.plannedStart = day("2026-01-01");
                item.plannedFinish = day("2026-11-10");
                item.budget = 1000000000;
                item.percentDone = 90;
                itemId = insertWorkItem(session, item);
            });
    }

    void report(const char* date, int percent, Vnd disbursed)
    {
        test.database().withSession(
            [&](soci::session& session)
            {
                ProgressReport r;
                r.clusterId = clusterId;
                r.date = day(date);
                r.lines = {{itemId, percent}};
                r.disbursedToDate = disbursed;
                r.author = "test";
                insertProgressReport(session, r);
                session << "UPDATE work_items SET percent_done = :p", soci::use(percent);
            });
    }

    std::vector<DelayRuleKind> openRules()
    {
        std::vector<DelayRuleKind> rules;
        for (const auto& flag : DelayFlagRepository(test.database()).openFlags())
            rules.push_back(flag.rule);
        return rules;
    }

    bool open(DelayRuleKind rule)
    {
        const auto rules = openRules();
        return std::find(rules.begin(), rules.end(), rule) != rules.end();
    }
};
} // namespace

TEST_CASE("the digest's week and the clock are in Hanoi time", "[net][jobs]")
{
    JobSettings jobs;
    CHECK(digestWeek(at("2026-12-02", 9, 0), jobs) == day("2026-11-30"));
    // The server's TZ plays no part: 01:00 UTC on the 27th is 08:00 in Hanoi.
    CHECK(FixedClock(unixAt("2026-11-27T01:00:00Z")).nowInHanoi().slot() == "2026-11-27T08:00");
}

TEST_CASE("a simulated month of reports raises and resolves the right flags on the right days",
          "[net][jobs][db]")
{
    MonthOfReports c;
    const DelayThresholds thresholds;
    c.report("2026-10-01", 90, 900000000);
    const auto scan = [&](const char* date)
    { return runDelayScan(c.test.database(), day(date), thresholds, nullptr); };

    scan("2026-11-10"); // the last planned day: nothing is late yet
    CHECK_FALSE(c.open(DelayRuleKind::OverdueWorkItem));
    CHECK_FALSE(c.open(DelayRuleKind::StaleReporting)); // 40 days since the report

    scan("2026-11-11"); // the item is overdue from today
    CHECK(c.open(DelayRuleKind::OverdueWorkItem));
    CHECK_FALSE(c.open(DelayRuleKind::StaleReporting));

    scan("2026-11-16"); // 46 days without a report: stale
    CHECK(c.open(DelayRuleKind::StaleReporting));
    auto flags = DelayFlagRepository(c.test.database()).openFlags();
    for (const auto& flag : flags)
    {
        if (flag.rule == DelayRuleKind::OverdueWorkItem)
        {
            CHECK(flag.raisedOn == day("2026-11-11"));
            CHECK(*flag.lateSince == day("2026-11-11"));
        }
        if (flag.rule == DelayRuleKind::StaleReporting)
            CHECK(flag.raisedOn == day("2026-11-16"));
    }

    c.report("2026-11-20", 95, 950000000); // a report: no longer stale, still overdue
    const auto outcome = scan("2026-11-20");
    CHECK(outcome.resolved >= 1);
    CHECK_FALSE(c.open(DelayRuleKind::StaleReporting));
    CHECK(c.open(DelayRuleKind::OverdueWorkItem));

    c.report("2026-11-28", 100, 1000000000); // finished: the overdue flag resolves that day
    scan("2026-11-28");
    CHECK(c.openRules().empty());
    int resolvedOn28 = 0;
    for (const auto& flag : DelayFlagRepository(c.test.database()).flagsOfCluster(c.clusterId))
        resolvedOn28 += flag.resolvedOn == day("2026-11-28") ? 1 : 0;
    CHECK(resolvedOn28 >= 1);
}

TEST_CASE("a job missed while the tracker was down runs once, not once per missed slot",
          "[net][jobs][db]")
{
    testing::TestDatabase test;
    migrate(test.database());
    int runs = 0;
    FixedClock* now = nullptr;
    FixedClock mondayNoon(unixAt("2026-11-30T12:00:00+07:00")); // slots of 6 days were missed
    now = &mondayNoon;
    const std::vector<ScheduledJob> jobs{{"count",
                                          [](const HanoiTime& t) { return dailySlot(t, 6, 0); },
                                          [&runs](const std::string&)
                                          {
                                              ++runs;
                                              return std::string("counted");
                                          }}};
    Scheduler first(test.database(), *now, "one", 60, 1, jobs, nullptr);
    first.runDueJobs();
    first.runDueJobs();
    CHECK(runs == 1);
    auto other = test.connectAgain();
    Scheduler second(*other, *now, "two", 60, 1, jobs, nullptr); // another instance
    second.runDueJobs();
    CHECK(runs == 1);
    FixedClock tuesday(unixAt("2026-12-01T06:00:00+07:00"));
    Scheduler later(test.database(), tuesday, "one", 60, 1, jobs, nullptr);
    later.runDueJobs();
    CHECK(runs == 2);
    const auto recorded = JobRepository(test.database()).recentRuns(10);
    REQUIRE(recorded.size() == 2);
    CHECK(recorded[0].slot == "2026-12-01T06:00");
    CHECK(recorded[1].slot == "2026-11-30T06:00");
    CHECK(recorded[0].outcome == "ok");
}

TEST_CASE("unsubscribe tokens are signed", "[net][jobs][db]")
{
    testing::TestDatabase test;
    migrate(test.database());
    JobSettings jobs;
    const std::string token = unsubscribeToken(test.database(), jobs, 7);
    CHECK(token.rfind("7-", 0) == 0);
    CHECK(validUnsubscribeToken(test.database(), jobs, token));
    CHECK(token == unsubscribeToken(test.database(), jobs, 7)); // stable key in the database
    std::string forged = token;
    forged[0] = '8';
    CHECK_FALSE(validUnsubscribeToken(test.database(), jobs, forged));
    CHECK_FALSE(validUnsubscribeToken(test.database(), jobs, "7-00"));
    CHECK_FALSE(validUnsubscribeToken(test.database(), jobs, "garbage"));
    jobs.unsubscribeSecret = "configured secret";
    CHECK_FALSE(validUnsubscribeToken(test.database(), jobs, token));
}

TEST_CASE("a job run elsewhere empties this instance's page cache within one look",
          "[net][jobs][db]")
{
    testing::TestDatabase test;
    migrate(test.database());
    FixedClock clock(unixAt("2026-11-30T12:00:00+07:00"));
    int invalidations = 0;
    Scheduler scheduler(test.database(), clock, "this", 60, 1, {}, [&] { ++invalidations; });
    scheduler.runDueJobs();
    CHECK(invalidations == 0); // nothing new since it started
    auto other = test.connectAgain();
    JobRepository elsewhere(*other);
    const auto run = elsewhere.recordStart("delay-scan", "2026-11-30T06:00", "other", "t0");
    scheduler.runDueJobs();
    CHECK(invalidations == 0); // still running: nothing changed yet
    elsewhere.recordEnd(run, "t1", "ok", "raised 1");
    scheduler.runDueJobs();
    CHECK(invalidations == 1);
    scheduler.runDueJobs();
    CHECK(invalidations == 1);
}

TEST_CASE("an unfiled Biểu 02 is flagged the day after its deadline and resolved when filed",
          "[net][jobs][db]")
{
    MonthOfReports c;
    const DelayThresholds thresholds; // from 2026-Y: Biểu 02 due before 20/12/2026
    const auto scan = [&](const char* date)
    { return runDelayScan(c.test.database(), day(date), thresholds, nullptr); };
    scan("2026-12-19"); // the last day to file
    CHECK_FALSE(c.open(DelayRuleKind::StatutoryReportOverdue));
    scan("2026-12-20");
    REQUIRE(c.open(DelayRuleKind::StatutoryReportOverdue));
    const auto flags = DelayFlagRepository(c.test.database()).openFlags();
    const auto flag = std::find_if(flags.begin(), flags.end(),
                                   [](const DelayFlag& f)
                                   { return f.rule == DelayRuleKind::StatutoryReportOverdue; });
    REQUIRE(flag != flags.end());
    CHECK(flag->subject == "bieu02:2026-Y");
    CHECK(*flag->lateSince == day("2026-12-20"));
    CHECK(flag->measureVi.find("hạn trước ngày 20/12/2026") != std::string::npos);

    // A draft is not filing; submitting it is.
    StatutoryRepository reports(c.test.database());
    StatutoryReport draft;
    draft.form = StatutoryForm::Developer02;
    draft.unitKey = "thu";
    draft.period = *ReportPeriod::parse("2026-Y");
    const AuditContext who{"cdt@example.vn", "127.0.0.1", "2026-12-21T09:00:00+07:00"};
    auto stored = reports.createDraft(draft, who);
    scan("2026-12-21");
    CHECK(c.open(DelayRuleKind::StatutoryReportOverdue));
    stored.state = FilingState::Submitted;
    REQUIRE(reports.save(stored, stored.version, "submit", who).saved);
    scan("2026-12-22");
    CHECK_FALSE(c.open(DelayRuleKind::StatutoryReportOverdue));
}
