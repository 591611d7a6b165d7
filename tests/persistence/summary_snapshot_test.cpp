// The summary snapshot gives what a full recomputation gives, after any sequence of writes
// each followed by its "changed", and reloads only the clusters it was told of.
#include "persistence/cluster_repository.h"
#include "persistence/demo_seeder.h"
#include "persistence/migrations.h"
#include "persistence/report_repository.h"
#include "persistence/summary_snapshot.h"
#include "persistence/tenant_repository.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>
#include <random>
#include <soci/soci.h>

using namespace tracker;
using namespace tracker::persistence;

namespace
{
const AuditContext kWriter{"writer@example.vn", "127.0.0.1", "2026-11-27T09:00:00+07:00"};
const Date kToday{2026, 11, 27};

std::string described(const ClusterSummary& s)
{
    const auto number = [](const auto& value)
    { return value ? std::to_string(*value) : std::string("∅"); };
    return s.cluster.code + " v" + std::to_string(s.cluster.version) + " " + s.cluster.nameVi +
           " progress " + number(s.progressPercent) + " planned " + number(s.plannedPercent) +
           " overdue " + std::to_string(s.overdueItems) + " tenants " +
           std::to_string(s.tenantCount) + " leased " + std::to_string(s.leased) + " disbursed " +
           number(s.disbursed) + " last " + (s.lastReportDate ? s.lastReportDate->iso() : "∅");
}

std::vector<std::string> describedAll(const std::vector<ClusterSummary>& all)
{
    std::vector<std::string> lines;
    for (const auto& s : all)
        lines.push_back(described(s));
    return lines;
}

struct Seeded
{
    testing::TestDatabase test;
    Seeded()
    {
        migrate(test.database());
        SeedOptions options;
        options.seedDirectory = TRACKER_SEED_DIR;
        options.asOf = kToday;
        REQUIRE(seedDemoData(test.database(), options).seeded);
    }
    std::vector<std::string> recomputed()
    {
        return describedAll(ClusterRepository(test.database()).listSummaries(kToday));
    }
};
} // namespace

TEST_CASE("the summary snapshot equals a full recomputation after random writes", "[db][snapshot]")
{
    Seeded seeded;
    auto& database = seeded.test.database();
    SummarySnapshot snapshot;
    REQUIRE(describedAll(snapshot.summaries(database, kToday)) == seeded.recomputed());
    const auto clusters = ClusterRepository(database).allSummaryInputs();
    std::mt19937 random(20261201);
    ReportRepository reports(database);
    TenantRepository tenants(database);
    std::vector<std::int64_t> tenantIds;
    for (int step = 0; step < 60; ++step)
    {
        const auto& cluster = clusters[random() % clusters.size()];
        const auto& code = cluster.summary.cluster.code;
        switch (random() % 3)
        {
        case 0:
        {
            ProgressReport report;
            report.clusterId = cluster.summary.cluster.id;
            report.date = Date{2026, 11, static_cast<int>(1 + random() % 26)};
            if (!cluster.items.empty())
                report.lines = {{cluster.items[random() % cluster.items.size()].id,
                                 static_cast<int>(random() % 101)}};
            report.disbursedToDate = static_cast<Vnd>(random() % 5'000'000'000LL);
            reports.submitReport(report, kWriter);
            break;
        }
        case 1:
        {
            Tenant tenant;
            tenant.clusterId = cluster.summary.cluster.id;
            tenant.companyName = "Công ty " + std::to_string(step);
            tenant.taxCode = "0100109106";
            tenant.leasedArea = 1000 + static_cast<SquareMetres>(random() % 50'000);
            tenantIds.push_back(tenants.createTenant(tenant, kWriter));
            break;
        }
        default:
        {
            if (tenantIds.empty())
                continue;
            auto tenant = *tenants.findTenant(tenantIds[random() % tenantIds.size()]);
            tenant.status = TenantStatus::Left; // its land no longer counts
            tenants.updateTenant(tenant, tenant.version, kWriter);
            const auto owner = std::find_if(clusters.begin(), clusters.end(),
                                            [&](const ClusterDetail& d)
                                            { return d.summary.cluster.id == tenant.clusterId; });
            snapshot.changed({owner->summary.cluster.code});
            continue;
        }
        }
        snapshot.changed({code});
        if (step % 10 == 9)
        {
            INFO("after step " << step);
            CHECK(describedAll(snapshot.summaries(database, kToday)) == seeded.recomputed());
        }
    }
    CHECK(describedAll(snapshot.summaries(database, kToday)) == seeded.recomputed());
    const auto stats = snapshot.stats();
    CHECK(stats.fullLoads == 1); // once at the start; every change after it, cluster by cluster
    CHECK(stats.clusterLoads > 0);
}

TEST_CASE("the summary snapshot reads nothing it was not told of, and everything on changedAll",
          "[db][snapshot]")
{
    Seeded seeded;
    auto& database = seeded.test.database();
    SummarySnapshot snapshot;
    const auto before = describedAll(snapshot.summaries(database, kToday));
    database.withSession(
        [](soci::session& session) {
            session << "UPDATE clusters SET name_vi = 'Cụm công nghiệp Đổi Tên' WHERE code = "
                       "'huu-bang'";
        });
    CHECK(describedAll(snapshot.summaries(database, kToday)) == before); // from memory
    snapshot.changedAll();
    const auto after = describedAll(snapshot.summaries(database, kToday));
    CHECK(after != before);
    CHECK(after == seeded.recomputed());
    CHECK(snapshot.stats().fullLoads == 2);
}
