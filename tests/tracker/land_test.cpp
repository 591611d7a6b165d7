// The land a cluster offers, and what is not computed when a figure is missing.
#include "tracker/land.h"

#include <catch2/catch.hpp>

using namespace tracker;

TEST_CASE("available land is ready land not leased, and later the rest of the industrial land",
          "[land]")
{
    Cluster c;
    c.industrialArea = 100'000;
    c.plannedFinish = Date{2027, 6, 30};
    ClusterFacts facts;
    facts.readyToLease = 60'000;
    auto land = landOf(c, facts, 25'000);
    CHECK(land.now == 35'000);
    CHECK(land.later == 40'000);
    CHECK(land.laterBy == Date{2027, 6, 30});
    CHECK(land.missingVi.empty());
    CHECK(landOf(c, facts, 70'000).now == 0); // more leased than ready: none, not negative

    facts.readyToLease = 100'000; // all ready: nothing later, no date
    land = landOf(c, facts, 0);
    CHECK(land.later == 0);
    CHECK_FALSE(land.laterBy);

    facts.readyToLease.reset(); // ready land unknown: nothing computed
    land = landOf(c, facts, 0);
    CHECK_FALSE(land.now);
    CHECK_FALSE(land.later);
    CHECK(land.missingVi.size() == 1);

    c.industrialArea.reset(); // industrial land unknown: nothing, even with ready land on record
    facts.readyToLease = 10'000;
    land = landOf(c, facts, 0);
    CHECK_FALSE(land.now);
    CHECK_FALSE(land.ready);
    CHECK(land.missingEn[0] == "the industrial land of the detailed plan is not on record");
}
