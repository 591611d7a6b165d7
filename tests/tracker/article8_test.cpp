// Nghị định 32/2024 Điều 8 on crafted clusters: the verdicts and the figures they rest on.
#include "tracker/article8.h"

#include <catch2/catch.hpp>

using namespace tracker;

namespace
{
Article8Cluster cluster(std::optional<SquareMetres> industrial, SquareMetres leased,
                        std::optional<SquareMetres> total = 200'000)
{
    Article8Cluster c;
    c.cluster.nameVi = "Cụm thử";
    c.cluster.industrialArea = industrial;
    c.cluster.totalArea = total;
    c.leased = leased;
    for (const auto kind :
         {WorkKind::InternalRoads, WorkKind::WaterSupply, WorkKind::WastewaterPlant})
    {
        WorkItem item;
        item.kind = kind;
        item.percentDone = 100;
        c.items.push_back(item);
    }
    return c;
}
} // namespace

TEST_CASE("a new cluster needs average occupancy over 50 % or at most 100 ha unleased",
          "[article8]")
{
    CHECK(newClusterVerdict({}).verdict == Verdict::May); // nothing established: 1(c) n/a
    // 60 % and 40 %: average 50 %, not over it; but only 1 ha unleased: may.
    auto v = newClusterVerdict({cluster(10'000, 6'000), cluster(10'000, 4'000)});
    CHECK(v.averageOccupancy == 5'000);
    CHECK(v.unleasedIndustrialLand == 10'000);
    CHECK(v.verdict == Verdict::May);
    // 30 % of 80 ha and of 80 ha: 112 ha unleased and 30 %: may not.
    v = newClusterVerdict({cluster(800'000, 240'000), cluster(800'000, 240'000)});
    CHECK(v.averageOccupancy == 3'000);
    CHECK(v.unleasedIndustrialLand == 1'120'000);
    CHECK(v.verdict == Verdict::MayNot);
    CHECK(v.reasonsVi[0].find("112 ha > 100 ha") != std::string::npos);
    // 60 % of the same land: over 50 %: may, however much is unleased.
    CHECK(newClusterVerdict({cluster(800'000, 480'000), cluster(800'000, 480'000)}).verdict ==
          Verdict::May);
    // One cluster without industrial land on record: unknown, never a guess.
    v = newClusterVerdict({cluster(800'000, 480'000), cluster(std::nullopt, 0)});
    CHECK(v.verdict == Verdict::Unknown);
    CHECK_FALSE(v.averageOccupancy);
}

TEST_CASE("an expansion needs 60 % occupancy, the shared infrastructure and room under 75 ha",
          "[article8]")
{
    CHECK(expansionVerdict(cluster(100'000, 60'000)).verdict == Verdict::May);
    const auto low = expansionVerdict(cluster(100'000, 59'999));
    CHECK(low.verdict == Verdict::MayNot);
    CHECK(low.occupancy == 5'999);
    CHECK(expansionVerdict(cluster(100'000, 80'000, 750'000)).verdict == Verdict::MayNot);
    auto unfinished = cluster(100'000, 80'000);
    unfinished.items[2].percentDone = 70;
    const auto waiting = expansionVerdict(unfinished);
    CHECK(waiting.verdict == Verdict::MayNot);
    CHECK(waiting.reasonsVi.back().find("thu gom và xử lý nước thải mới 70 %") !=
          std::string::npos);
    auto noLand = cluster(std::nullopt, 80'000);
    CHECK(expansionVerdict(noLand).verdict == Verdict::Unknown);
    auto noPlant = cluster(100'000, 80'000);
    noPlant.items.pop_back();
    CHECK(expansionVerdict(noPlant).verdict == Verdict::Unknown);
}
