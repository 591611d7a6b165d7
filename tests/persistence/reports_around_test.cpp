// The few reports a new one is checked against give the same doubts as the whole history.
#include "persistence/cluster_repository.h"
#include "persistence/demo_seeder.h"
#include "persistence/migrations.h"
#include "persistence/report_repository.h"
#include "support/test_database.h"
#include "tracker/plausibility.h"

#include <catch2/catch.hpp>
#include <random>

using namespace tracker;
using namespace tracker::persistence;

namespace
{
const AuditContext kWriter{"writer@example.vn", "127.0.0.1", "2026-11-27T09:00:00+07:00"};
const Date kToday{2026, 11, 27};

std::string described(const std::vector<Doubt>& doubts)
{
    std::string text;
    for (const auto& d : doubts)
        text += d.field + " " + d.code + ": " + d.en + "\n";
    return text;
}
} // namespace

TEST_CASE("a report is checked against the reports around its date as against all of them",
          "[db][plausibility]")
{
    testing::TestDatabase test;
    auto& database = test.database();
    migrate(database);
    SeedOptions options;
    options.seedDirectory = TRACKER_SEED_DIR;
    options.asOf = kToday;
    REQUIRE(seedDemoData(database, options).seeded);
    const auto cluster = *ClusterRepository(database).findDetail("huu-bang", 100000, kToday);
    REQUIRE(cluster.items.size() >= 2);
    ReportRepository reports(database);
    std::mt19937 random(20261203);
    const auto randomReport = [&]
    {
        ProgressReport r;
        r.clusterId = cluster.summary.cluster.id;
        r.date = Date{2025, 1, 1}.plusDays(static_cast<long>(random() % 690));
        // Partial reports too: an item left out keeps its figure from an earlier report.
        for (const auto& item : cluster.items)
            if (random() % 3 != 0)
                r.lines.push_back({item.id, static_cast<int>(random() % 101)});
        r.disbursedToDate = static_cast<Vnd>(random() % 3'000'000'000LL);
        return r;
    };
    for (int i = 0; i < 60; ++i)
        reports.submitReport(randomReport(), kWriter);
    const auto all = ClusterRepository(database).findDetail("huu-bang", 100000, kToday)->reports;
    REQUIRE(all.size() >= 60);
    int questioned = 0;
    for (int i = 0; i < 80; ++i)
    {
        const auto candidate = randomReport();
        std::vector<std::int64_t> named;
        for (const auto& line : candidate.lines)
            named.push_back(line.workItemId);
        const auto around = reports.reportsAround(candidate.clusterId, candidate.date, named);
        CHECK(around.size() <= all.size());
        const auto full = reportDoubts(candidate, cluster.summary.cluster, cluster.items, all);
        INFO("a report of " << candidate.date.iso());
        CHECK(described(reportDoubts(candidate, cluster.summary.cluster, cluster.items, around)) ==
              described(full));
        CHECK(olderReportNotice(candidate, around, false) ==
              olderReportNotice(candidate, all, false));
        questioned += !full.empty();
    }
    CHECK(questioned > 10); // the comparison was about something
}
