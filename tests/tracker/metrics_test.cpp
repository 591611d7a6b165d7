#include "tracker/metrics.h"

#include <catch2/catch.hpp>

using namespace tracker;

namespace
{
WorkItem item(Vnd budget, int percent)
{
    WorkItem w;
    w.budget = budget;
    w.percentDone = percent;
    return w;
}

Tenant tenant(SquareMetres area, TenantStatus status)
{
    Tenant t;
    t.leasedArea = area;
    t.status = status;
    return t;
}
} // namespace

TEST_CASE("cluster progress weighs each work item by its budget", "[tracker][metrics]")
{
    const std::vector<WorkItem> items{item(300, 100), item(100, 0)};
    CHECK(weightedProgressPercent(items) == Approx(75.0));
    CHECK_FALSE(weightedProgressPercent({}));
    CHECK_FALSE(weightedProgressPercent({item(0, 50)}));
}

TEST_CASE("tenants that left no longer occupy land", "[tracker][metrics]")
{
    const std::vector<Tenant> tenants{tenant(5000, TenantStatus::Operating),
                                      tenant(3000, TenantStatus::Left),
                                      tenant(2000, TenantStatus::Registered)};
    CHECK(leasedArea(tenants) == 7000);
}

TEST_CASE("occupancy uses industrial land and says when it fell back to the total area",
          "[tracker][metrics]")
{
    Cluster cluster;
    cluster.totalArea = 100000;
    SECTION("industrial land known")
    {
        cluster.industrialArea = 70000;
        const auto occupied = occupancy(cluster, 35000);
        REQUIRE(occupied);
        CHECK(occupied->percent == Approx(50.0));
        CHECK(occupied->basis == OccupancyBasis::IndustrialLand);
    }
    SECTION("only the total area known")
    {
        const auto occupied = occupancy(cluster, 35000);
        REQUIRE(occupied);
        CHECK(occupied->percent == Approx(35.0));
        CHECK(occupied->basis == OccupancyBasis::TotalArea);
    }
    SECTION("no area at all")
    {
        cluster.totalArea.reset();
        CHECK_FALSE(occupancy(cluster, 35000));
    }
}

TEST_CASE("portfolio totals add what is known and count what is missing", "[tracker][metrics]")
{
    ClusterSummary a, b;
    a.cluster.totalArea = 306000;
    a.cluster.plannedInvestment = 1100000000000LL;
    a.progressPercent = 40;
    a.disbursed = 500;
    a.tenantCount = 3;
    a.leased = 9000;
    b.progressPercent = 80; // b has neither area nor investment
    const auto totals = portfolioTotals({a, b});
    CHECK(totals.clusterCount == 2);
    CHECK(totals.totalArea == 306000);
    CHECK(totals.clustersWithArea == 1);
    CHECK(totals.plannedInvestment == 1100000000000LL);
    CHECK(totals.clustersWithInvestment == 1);
    CHECK(totals.disbursed == 500);
    REQUIRE(totals.averageProgressPercent);
    CHECK(*totals.averageProgressPercent == Approx(60.0));
    CHECK(totals.tenantCount == 3);
    CHECK(totals.leased == 9000);
}

TEST_CASE("the plan's progress at a date and the overdue items", "[tracker][metrics]")
{
    WorkItem early = item(100, 100);
    early.plannedStart = Date{2024, 1, 1};
    early.plannedFinish = Date{2024, 1, 31};
    WorkItem late = item(300, 20);
    late.plannedStart = Date{2024, 1, 1};
    late.plannedFinish = Date{2024, 3, 1}; // 60 days
    const std::vector<WorkItem> items{early, late};

    // On 31/01 the first is due in full, the second half done: (100×100 + 300×50) / 400.
    CHECK(plannedProgressPercent(items, Date{2024, 1, 31}) == Approx(62.5));
    CHECK(overdueItemCount(items, Date{2024, 1, 31}) == 0);
    CHECK(overdueItemCount(items, Date{2024, 3, 2}) == 1); // the second, at 20 %
    CHECK_FALSE(plannedProgressPercent({}, Date{2024, 1, 1}));
}
