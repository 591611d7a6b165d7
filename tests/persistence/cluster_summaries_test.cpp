// Every cluster's stored figures (cluster_summaries) equal a recomputation from the tenants
// and reports after any sequence of writes, on both backends; the repair command rebuilds
// rows that were damaged or lost.
#include "persistence/cluster_repository.h"
#include "persistence/cluster_summaries.h"
#include "persistence/demo_seeder.h"
#include "persistence/migrations.h"
#include "persistence/report_repository.h"
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

std::string described(const StoredSummary& s)
{
    const auto number = [](const auto& value)
    { return value ? std::to_string(*value) : std::string("∅"); };
    return std::to_string(s.clusterId) + ": " + std::to_string(s.tenantCount) + " tenants, " +
           std::to_string(s.leased) + " m², latest " + number(s.latestReportId) + " on " +
           (s.lastReportDate ? s.lastReportDate->iso() : "∅") + ", disbursed " +
           number(s.disbursed);
}

std::vector<std::string> stored(Database& database)
{
    std::vector<std::string> lines;
    database.withSession(
        [&](soci::session& session)
        {
            lines.clear();
            for (const auto& s : storedSummaries(session))
                lines.push_back(described(s));
        });
    return lines;
}

std::vector<std::string> recomputed(Database& database)
{
    std::vector<std::string> lines;
    for (const auto& s : recomputedSummaries(database))
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
};

const TenantStatus kStatuses[] = {TenantStatus::Registered, TenantStatus::Building,
                                  TenantStatus::Operating, TenantStatus::Left};
} // namespace

TEST_CASE("stored cluster figures equal a recomputation after random writes", "[db][summaries]")
{
    Seeded seeded;
    auto& database = seeded.test.database();
    // The demo seed went through the same writers: its rows are right from the start.
    REQUIRE(stored(database) == recomputed(database));
    REQUIRE(stored(database).size() > 40);
    const auto clusters = ClusterRepository(database).allSummaryInputs();
    std::mt19937 random(20261202);
    ReportRepository reports(database);
    TenantRepository tenants(database);
    std::vector<std::int64_t> tenantIds;
    for (int step = 0; step < 120; ++step)
    {
        const auto& cluster = clusters[random() % clusters.size()];
        switch (random() % 4)
        {
        case 0: // a report, often filed late for an earlier date, sometimes on the same day
        {
            ProgressReport report;
            report.clusterId = cluster.summary.cluster.id;
            report.date = Date{2026, static_cast<int>(1 + random() % 11),
                               static_cast<int>(1 + random() % 27)};
            if (!cluster.items.empty())
                report.lines = {{cluster.items[random() % cluster.items.size()].id,
                                 static_cast<int>(random() % 101)}};
            report.disbursedToDate = static_cast<Vnd>(random() % 5'000'000'000LL);
            reports.submitReport(report, kWriter);
            break;
        }
        case 1: // a tenant, in any state, some already gone
        {
            Tenant tenant;
            tenant.clusterId = cluster.summary.cluster.id;
            tenant.companyName = "Công ty " + std::to_string(step);
            tenant.taxCode = "0100109106";
            tenant.leasedArea = 1000 + static_cast<SquareMetres>(random() % 50'000);
            tenant.status = kStatuses[random() % 4];
            tenantIds.push_back(tenants.createTenant(tenant, kWriter));
            break;
        }
        case 2: // a tenant's lease or state changed, back and forth across "left"
        {
            if (tenantIds.empty())
                continue;
            auto tenant = *tenants.findTenant(tenantIds[random() % tenantIds.size()]);
            tenant.status = kStatuses[random() % 4];
            tenant.leasedArea = 500 + static_cast<SquareMetres>(random() % 80'000);
            REQUIRE(tenants.updateTenant(tenant, tenant.version, kWriter).saved);
            break;
        }
        default: // a stale tenant update moves nothing
        {
            if (tenantIds.empty())
                continue;
            auto tenant = *tenants.findTenant(tenantIds[random() % tenantIds.size()]);
            tenant.leasedArea += 12345;
            CHECK_FALSE(tenants.updateTenant(tenant, tenant.version - 1, kWriter).saved);
            break;
        }
        }
        if (step % 20 == 19)
        {
            INFO("after step " << step);
            REQUIRE(stored(database) == recomputed(database));
        }
    }
    CHECK(stored(database) == recomputed(database));
    // What the pages read is the stored figures.
    const auto summaries = ClusterRepository(database).listSummaries(kToday);
    const auto fresh = recomputedSummaries(database);
    REQUIRE(summaries.size() == fresh.size());
    for (std::size_t i = 0; i < fresh.size(); ++i)
    {
        CHECK(summaries[i].tenantCount == fresh[i].tenantCount);
        CHECK(summaries[i].leased == fresh[i].leased);
        CHECK(summaries[i].disbursed == fresh[i].disbursed);
        CHECK(summaries[i].lastReportDate == fresh[i].lastReportDate);
    }
}

TEST_CASE("the repair command rebuilds damaged and missing stored figures", "[db][summaries]")
{
    Seeded seeded;
    auto& database = seeded.test.database();
    const auto right = recomputed(database);
    CHECK(rebuildSummaries(database).differed == 0);
    database.withSession(
        [](soci::session& session)
        {
            session << "UPDATE cluster_summaries SET tenant_count = 999, disbursed_vnd = 1 "
                       "WHERE cluster_id = (SELECT MIN(id) FROM clusters)";
            session << "DELETE FROM cluster_summaries WHERE cluster_id = (SELECT MAX(id) FROM "
                       "clusters)";
        });
    CHECK(stored(database) != right);
    CHECK(clustersWithoutSummary(database) == 1);
    const auto rebuilt = rebuildSummaries(database);
    CHECK(rebuilt.differed == 2);
    CHECK(rebuilt.rows == static_cast<int>(right.size()));
    CHECK(stored(database) == right);
    CHECK(clustersWithoutSummary(database) == 0);
}
