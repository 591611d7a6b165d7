#include "persistence/cluster_writer.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/job_repository.h"
#include "persistence/migrations.h"
#include "support/test_database.h"
#include "tracker/digest_rules.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <soci/soci.h>

using namespace tracker;
using namespace tracker::persistence;

namespace
{
std::int64_t addCluster(Database& database, const std::string& code,
                        const std::string& district = "Thạch Thất")
{
    Cluster cluster;
    cluster.code = code;
    cluster.nameVi = "Cụm " + code;
    cluster.district = district;
    std::int64_t id = 0;
    database.withSession([&](soci::session& session) { id = insertCluster(session, cluster); });
    return id;
}

DelayFinding finding(DelayRuleKind rule, const std::string& subject = "")
{
    DelayFinding f;
    f.rule = rule;
    f.subject = subject;
    f.measure = "numbers";
    return f;
}
} // namespace

TEST_CASE("a scan raises, keeps and resolves flags, and history stays", "[db][flags]")
{
    testing::TestDatabase test;
    migrate(test.database());
    const auto a = addCluster(test.database(), "a");
    const auto b = addCluster(test.database(), "b");
    DelayFlagRepository flags(test.database());

    auto outcome = flags.applyScan({{a,
                                     {finding(DelayRuleKind::OverdueWorkItem, "item:1"),
                                      finding(DelayRuleKind::StaleReporting)}},
                                    {b, {finding(DelayRuleKind::BehindSchedule)}}},
                                   Date{2026, 11, 1});
    CHECK(outcome.raised == 3);
    CHECK(flags.openFlags().size() == 3);

    outcome = flags.applyScan({{a, {finding(DelayRuleKind::OverdueWorkItem, "item:1")}},
                               {b, {finding(DelayRuleKind::BehindSchedule)}}},
                              Date{2026, 11, 2});
    CHECK(outcome.raised == 0);
    CHECK(outcome.stillOpen == 2);
    CHECK(outcome.resolved == 1);
    const auto open = flags.openFlags();
    REQUIRE(open.size() == 2);
    for (const auto& flag : open)
        CHECK(flag.raisedOn == Date{2026, 11, 1}); // still the day it was first raised

    const AuditContext who{"a@example.vn", "127.0.0.1", "2026-11-03T09:00:00+07:00"};
    REQUIRE(flags.acknowledge(open[0].id, "Nguyễn Văn A", "Đã làm việc với chủ đầu tư",
                              Date{2026, 11, 3}, who) == Acknowledgement::Done);
    CHECK(flags.findFlag(open[0].id)->version == 2);
    CHECK(flags.acknowledge(open[0].id, "B", "over an old version", Date{2026, 11, 3}, who, 1) ==
          Acknowledgement::Stale);
    CHECK(flags.openFlags()[0].acknowledgedBy == "Nguyễn Văn A");
    const auto audit = listAudit(test.database(), {});
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].entity == "delay_flag");
    CHECK(audit[0].entityId == open[0].id);
    CHECK(audit[0].actor == "a@example.vn");

    // A rule that holds again after being resolved is a new flag; the old one is history.
    flags.applyScan({{a, {finding(DelayRuleKind::StaleReporting)}}}, Date{2026, 11, 9});
    const auto history = flags.flagsOfCluster(a);
    int stale = 0;
    for (const auto& flag : history)
        stale += flag.rule == DelayRuleKind::StaleReporting ? 1 : 0;
    CHECK(stale == 2);
    CHECK(flags.openFlags().size() == 1);
    CHECK(flags.acknowledge(999999, "x", "y", Date{2026, 11, 9}, who) == Acknowledgement::NotOpen);
    CHECK(listAudit(test.database(), {}).size() == 1); // a refused one leaves no entry
}

TEST_CASE("one claim per job and slot, and a dead holder's claim lapses", "[db][jobs]")
{
    testing::TestDatabase test;
    migrate(test.database());
    auto other = test.connectAgain(); // a second instance on the same database
    JobRepository one(test.database());
    JobRepository two(*other);

    CHECK(one.claim("delay-scan", "2026-11-27T06:00", "one", 1000, 600));
    CHECK_FALSE(two.claim("delay-scan", "2026-11-27T06:00", "two", 1001, 600));
    one.finish("delay-scan", "2026-11-27T06:00", "one");
    CHECK(two.lastFinishedSlot("delay-scan") == "2026-11-27T06:00");
    CHECK_FALSE(two.claim("delay-scan", "2026-11-27T06:00", "two", 2000, 600)); // done
    CHECK(two.claim("delay-scan", "2026-11-28T06:00", "two", 90000, 600));      // next day

    // "two" dies holding the slot: after the lease, "one" takes it up.
    CHECK_FALSE(one.claim("delay-scan", "2026-11-28T06:00", "one", 90100, 600));
    CHECK(one.claim("delay-scan", "2026-11-28T06:00", "one", 90700, 600));
    CHECK(one.claim("weekly-digest", "2026-11-30T08:00", "one", 90700, 600)); // other job

    const auto run = one.recordStart("delay-scan", "2026-11-28T06:00", "one", "t0");
    one.recordEnd(run, "t1", "ok", "raised 3");
    const auto runs = two.recentRuns(5);
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].outcome == "ok");
    CHECK(runs[0].detail == "raised 3");
}

TEST_CASE("a flag carries its cluster's current units, so a digest for a commune finds it",
          "[db][flags]")
{
    testing::TestDatabase test;
    migrate(test.database());
    Cluster cluster;
    cluster.code = "huu-bang";
    cluster.nameVi = "Cụm Hữu Bằng";
    cluster.district = "Thạch Thất";
    cluster.units = *parsePlacedUnits("10003? 09910?");
    cluster.unitBasis = UnitBasis::Split;
    std::int64_t id = 0;
    test.database().withSession([&](soci::session& session)
                                { id = insertCluster(session, cluster); });
    DelayFlagRepository flags(test.database());
    flags.applyScan({{id, {finding(DelayRuleKind::StaleReporting)}}}, Date{2026, 11, 1});
    const auto open = flags.openFlags();
    REQUIRE(open.size() == 1);
    CHECK(formatPlacedUnits(open[0].units) == "10003? 09910?");
    Subscription kieuPhu;
    kieuPhu.scopeKind = "commune";
    kieuPhu.scopeValue = "09910";
    CHECK(inScope(kieuPhu, open[0]));
    kieuPhu.scopeValue = "10369";
    CHECK_FALSE(inScope(kieuPhu, open[0]));
}

// /delays and /api/v1/delays read a page at a time (LIMIT and OFFSET, bound as numbers on
// MariaDB): the pages and counts must be those of the whole list filtered in memory.
TEST_CASE("flags read a page at a time are the whole list's, for every state and district",
          "[db][flags]")
{
    testing::TestDatabase test;
    migrate(test.database());
    std::map<std::int64_t, std::vector<DelayFinding>> findings;
    for (int c = 0; c < 12; ++c)
    {
        const auto id = addCluster(test.database(), "c" + std::to_string(c),
                                   c % 3 == 0 ? "Gia Lâm" : "Thạch Thất");
        for (int i = 0; i <= c % 4; ++i)
            findings[id].push_back(
                finding(DelayRuleKind::OverdueWorkItem, "item:" + std::to_string(i)));
    }
    DelayFlagRepository flags(test.database());
    flags.applyScan(findings, Date{2026, 10, 1});
    for (auto& [id, found] : findings) // a later scan resolves some and raises others
        if (id % 2 == 0)
            found = {finding(DelayRuleKind::StaleReporting)};
    flags.applyScan(findings, Date{2026, 11, 1});
    const auto all = flags.flagsTouchedSince(Date{1970, 1, 1});
    REQUIRE(all.size() > 20);

    for (const auto state :
         {FlagFilter::State::Open, FlagFilter::State::Resolved, FlagFilter::State::All})
        for (const std::string district : {"", "Gia Lâm"})
        {
            FlagFilter filter;
            filter.state = state;
            filter.district = district;
            std::vector<std::int64_t> expected;
            std::set<std::int64_t> clusters;
            for (const auto& flag : all)
                if ((district.empty() || flag.district == district) &&
                    (state == FlagFilter::State::All ||
                     (state == FlagFilter::State::Open) == !flag.resolvedOn))
                {
                    expected.push_back(flag.id);
                    clusters.insert(flag.clusterId);
                }
            INFO("state " << static_cast<int>(state) << ", district '" << district << "'");
            REQUIRE_FALSE(expected.empty());
            const auto count = flags.countFlags(filter);
            CHECK(count.flags == expected.size());
            CHECK(count.clusters == clusters.size());
            std::vector<std::int64_t> paged;
            for (std::size_t offset = 0; offset < expected.size() + 5; offset += 5)
                for (const auto& flag : flags.flagsPage(filter, offset, 5))
                    paged.push_back(flag.id);
            CHECK(paged == expected);
        }
    FlagFilter recent;
    recent.state = FlagFilter::State::Resolved;
    recent.resolvedSince = Date{2026, 11, 2};
    CHECK(flags.countFlags(recent).flags == 0);
    recent.resolvedSince = Date{2026, 11, 1};
    CHECK(flags.countFlags(recent).flags > 0);
}
