#include "persistence/cluster_repository.h"
#include "persistence/cluster_writer.h"
#include "persistence/demo_seeder.h"
#include "persistence/migrations.h"
#include "support/test_database.h"
#include "tracker/tax_code.h"

#include <catch2/catch.hpp>
#include <set>
#include <soci/soci.h>

using namespace tracker;
using namespace tracker::persistence;

TEST_CASE("Vietnamese text and large VND amounts survive a round trip", "[db][repository]")
{
    testing::TestDatabase test;
    migrate(test.database());
    Cluster cluster;
    cluster.code = "thu-nghiem";
    cluster.nameVi = "Cụm công nghiệp Thử nghiệm – Đồng Ấp ỷ ỹ 𝔘"; // 𝔘 needs utf8mb4
    cluster.district = "Ứng Hòa";
    cluster.plannedInvestment = 9007199254740993LL; // beyond double's exact range
    cluster.totalArea = 1;
    cluster.plannedStart = Date{2024, 2, 29};
    test.database().withSession([&](soci::session& session) { insertCluster(session, cluster); });

    const auto detail =
        ClusterRepository(test.database()).findDetail("thu-nghiem", 5, Date{2026, 11, 27});
    REQUIRE(detail);
    CHECK(detail->summary.cluster.nameVi == cluster.nameVi);
    CHECK(detail->summary.cluster.district == "Ứng Hòa");
    CHECK(detail->summary.cluster.plannedInvestment == 9007199254740993LL);
    CHECK(detail->summary.cluster.plannedStart == Date{2024, 2, 29});
    CHECK_FALSE(detail->summary.cluster.plannedFinish);
    CHECK(detail->items.empty());
    CHECK_FALSE(detail->summary.progressPercent);
}

TEST_CASE("a cluster's detail holds its items, newest reports and tenants", "[db][repository]")
{
    testing::TestDatabase test;
    migrate(test.database());
    SeedOptions options;
    options.seedDirectory = TRACKER_SEED_DIR;
    options.asOf = Date{2026, 11, 27};
    REQUIRE(seedDemoData(test.database(), options).seeded);
    ClusterRepository repository(test.database());

    const auto detail = repository.findDetail("huu-bang", 6, Date{2026, 11, 27});
    REQUIRE(detail);
    REQUIRE(detail->items.size() == 9);
    std::set<std::int64_t> itemIds;
    for (const auto& item : detail->items)
        itemIds.insert(item.id);
    REQUIRE(detail->reports.size() == 6);
    for (std::size_t i = 1; i < detail->reports.size(); ++i)
        CHECK(detail->reports[i - 1].date > detail->reports[i].date); // newest first
    for (const auto& report : detail->reports)
    {
        CHECK(report.lines.size() == 9);
        for (const auto& line : report.lines)
            CHECK(itemIds.count(line.workItemId) == 1);
    }
    for (const auto& tenant : detail->tenants)
        CHECK(checkTaxCode(tenant.taxCode) == TaxCodeProblem::None);

    // The list's figures are the detail's figures.
    for (const auto& summary : repository.listSummaries(Date{2026, 11, 27}))
    {
        if (summary.cluster.code != "huu-bang")
            continue;
        CHECK(summary.progressPercent == weightedProgressPercent(detail->items));
        CHECK(summary.tenantCount == static_cast<int>(detail->tenants.size()));
        CHECK(summary.lastReportDate == detail->reports.front().date);
        CHECK(summary.disbursed == detail->reports.front().disbursedToDate);
    }
    CHECK_FALSE(repository.findDetail("no-such-cluster", 6, Date{2026, 11, 27}));

    // Every cluster's detail at once, in id order, each as findDetail gives it.
    const auto all = repository.listDetails(6, Date{2026, 11, 27});
    REQUIRE(static_cast<int>(all.size()) == repository.count());
    for (std::size_t i = 1; i < all.size(); ++i)
        CHECK(all[i - 1].summary.cluster.id < all[i].summary.cluster.id);
    for (const auto& one : all)
    {
        if (one.summary.cluster.code != "huu-bang")
            continue;
        CHECK(one.items.size() == detail->items.size());
        CHECK(one.reports.size() == detail->reports.size());
        CHECK(one.tenants.size() == detail->tenants.size());
    }
}
