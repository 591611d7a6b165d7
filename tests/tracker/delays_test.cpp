#include "tracker/delays.h"
#include "tracker/progress_curves.h"

#include <catch2/catch.hpp>

using namespace tracker;

namespace
{
Date day(const char* iso)
{
    return *Date::parseIso(iso);
}

WorkItem item(std::int64_t id, const char* start, const char* finish, Vnd budget, int done)
{
    WorkItem w;
    w.id = id;
    w.kind = WorkKind::InternalRoads;
    w.plannedStart = day(start);
    w.plannedFinish = day(finish);
    w.budget = budget;
    w.percentDone = done;
    return w;
}

ClusterDetail clusterWith(const char* code, std::vector<WorkItem> items)
{
    ClusterDetail detail;
    detail.summary.cluster.code = code;
    detail.summary.cluster.nameVi = std::string("CCN ") + code;
    detail.items = std::move(items);
    return detail;
}
} // namespace

TEST_CASE("an unfinished item past its planned finish is a delay from the next day",
          "[tracker][delays]")
{
    const auto detail = clusterWith("a", {item(1, "2026-01-01", "2026-06-30", 10, 80),
                                          item(2, "2026-01-01", "2026-06-30", 10, 100),
                                          item(3, "2026-01-01", "2027-06-30", 10, 10)});
    const auto delays = delaysOf(detail, day("2026-07-10"));
    REQUIRE(delays.size() == 1);
    CHECK(delays[0].since == day("2026-07-01"));
    CHECK(delays[0].daysLate == 10);
    CHECK(delays[0].percentDone == 80);
    CHECK(delaysOf(detail, day("2026-06-30")).empty());
}

TEST_CASE("portfolio delays come longest late first", "[tracker][delays]")
{
    const std::vector<ClusterDetail> details{
        clusterWith("b", {item(1, "2026-01-01", "2026-06-30", 10, 0)}),
        clusterWith("a", {item(2, "2026-01-01", "2026-03-31", 10, 0)})};
    const auto delays = currentDelays(details, day("2026-07-10"));
    REQUIRE(delays.size() == 2);
    CHECK(delays[0].clusterCode == "a");
    CHECK(delays[0].daysLate > delays[1].daysLate);
}

TEST_CASE("S-curves: the plan rises to 100 % and actuals follow the reports", "[tracker][delays]")
{
    const std::vector<WorkItem> items{item(1, "2026-01-01", "2026-12-31", 300, 50),
                                      item(2, "2026-07-01", "2026-12-31", 100, 0)};
    ProgressReport march;
    march.id = 1;
    march.date = day("2026-03-31");
    march.lines = {{1, 20}};
    march.disbursedToDate = 50;
    ProgressReport june;
    june.id = 2;
    june.date = day("2026-06-30");
    june.lines = {{2, 40}}; // item 1 keeps its 20 % from March
    june.disbursedToDate = 120;
    const auto curves = progressCurves(items, {june, march}, 10);

    REQUIRE(curves.plannedPhysical.size() == 11);
    CHECK(curves.plannedPhysical.front().value == Approx(0));
    CHECK(curves.plannedPhysical.back().value == Approx(100));
    CHECK(curves.plannedDisbursement.back().value == Approx(400));
    REQUIRE(curves.actualPhysical.size() == 2);
    CHECK(curves.actualPhysical[0].date == day("2026-03-31"));
    CHECK(curves.actualPhysical[0].value == Approx(15)); // 300·20/400
    CHECK(curves.actualPhysical[1].value == Approx((300 * 20 + 100 * 40) / 400.0));
    CHECK(curves.actualDisbursement[1].value == Approx(120));
    CHECK(*curves.first == day("2026-01-01"));
    CHECK(*curves.last == day("2026-12-31"));
}

TEST_CASE("a cluster without items or reports has empty curves", "[tracker][delays]")
{
    const auto curves = progressCurves({}, {});
    CHECK(curves.plannedPhysical.empty());
    CHECK(curves.actualPhysical.empty());
    CHECK_FALSE(curves.first);
}
