#include "tracker/demo_data.h"
#include "tracker/tax_code.h"

#include <catch2/catch.hpp>
#include <map>

using namespace tracker;

namespace
{
// "c7": appended, because "c" + std::to_string(n) trips GCC 12's -Wrestrict false positive
// at -O3 (GCC bug 105651).
std::string numbered(const char* prefix, int n)
{
    return std::string(prefix).append(std::to_string(n));
}
} // namespace

namespace
{
Cluster sampleCluster(const std::string& code)
{
    Cluster c;
    c.code = code;
    c.totalArea = 306000;
    c.plannedInvestment = 1100000000000LL;
    return c;
}

const Date kAsOf{2026, 11, 27};
} // namespace

TEST_CASE("the same seed and date give the same illustrative data", "[tracker][demo]")
{
    const auto first = generateDemoPlan(sampleCluster("huu-bang"), kAsOf, 7);
    const auto second = generateDemoPlan(sampleCluster("huu-bang"), kAsOf, 7);
    REQUIRE(first.reports.size() == second.reports.size());
    CHECK(first.scenario == second.scenario);
    CHECK(first.tenants.size() == second.tenants.size());
    for (std::size_t i = 0; i < first.reports.size(); ++i)
        CHECK(first.reports[i].disbursedToDate == second.reports[i].disbursedToDate);
}

TEST_CASE("every illustrative record is marked illustrative and every tax code is valid",
          "[tracker][demo]")
{
    for (int n = 0; n < 30; ++n)
    {
        const auto plan = generateDemoPlan(sampleCluster(numbered("c", n)), kAsOf, 1);
        for (const auto& item : plan.items)
            CHECK(item.provenance == Provenance::Illustrative);
        for (const auto& report : plan.reports)
            CHECK(report.provenance == Provenance::Illustrative);
        for (const auto& tenant : plan.tenants)
        {
            CHECK(tenant.provenance == Provenance::Illustrative);
            CHECK(checkTaxCode(tenant.taxCode) == TaxCodeProblem::None);
        }
    }
}

TEST_CASE("reports never go backwards and never lie in the future", "[tracker][demo]")
{
    for (int n = 0; n < 30; ++n)
    {
        const auto plan = generateDemoPlan(sampleCluster(numbered("k", n)), kAsOf, 3);
        for (std::size_t r = 1; r < plan.reports.size(); ++r)
        {
            CHECK(plan.reports[r].date > plan.reports[r - 1].date);
            CHECK(plan.reports[r].disbursedToDate >= plan.reports[r - 1].disbursedToDate);
            for (std::size_t i = 0; i < plan.reports[r].lines.size(); ++i)
                CHECK(plan.reports[r].lines[i].percent >= plan.reports[r - 1].lines[i].percent);
        }
        for (const auto& report : plan.reports)
            CHECK(report.date <= kAsOf);
    }
}

TEST_CASE("the demo spreads clusters over every scenario", "[tracker][demo]")
{
    std::map<DemoScenario, int> seen;
    for (int n = 0; n < 44; ++n)
        ++seen[generateDemoPlan(sampleCluster(numbered("s", n)), kAsOf, 20221).scenario];
    CHECK(seen.size() == 5);
}

TEST_CASE("a finished cluster is complete and filling up, a late one is behind plan",
          "[tracker][demo]")
{
    bool sawFinished = false, sawLate = false;
    for (int n = 0; n < 60; ++n)
    {
        const auto plan = generateDemoPlan(sampleCluster(numbered("f", n)), kAsOf, 5);
        if (plan.scenario == DemoScenario::FinishedFillingUp)
        {
            sawFinished = true;
            CHECK(plan.status == ProjectStatus::Completion);
            for (const auto& item : plan.items)
                CHECK(item.percentDone == 100);
            CHECK_FALSE(plan.tenants.empty());
        }
        if (plan.scenario == DemoScenario::Late)
        {
            sawLate = true;
            double planned = 0, actual = 0;
            for (const auto& item : plan.items)
            {
                planned += plannedPercentAt(item, plan.reports.back().date) * item.budget;
                actual += static_cast<double>(item.percentDone) * item.budget;
            }
            CHECK(actual < planned);
        }
    }
    CHECK(sawFinished);
    CHECK(sawLate);
}

TEST_CASE("planned progress is linear inside an item's window", "[tracker][demo]")
{
    WorkItem item;
    item.plannedStart = Date{2024, 1, 1};
    item.plannedFinish = Date{2024, 1, 11};
    CHECK(plannedPercentAt(item, Date{2023, 12, 1}) == 0);
    CHECK(plannedPercentAt(item, Date{2024, 1, 6}) == Approx(50));
    CHECK(plannedPercentAt(item, Date{2024, 2, 1}) == 100);
}
