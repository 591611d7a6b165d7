#include "tracker/progress_curves.h"

#include <catch2/catch.hpp>

using namespace tracker;

namespace
{
Date day(const char* iso)
{
    return *Date::parseIso(iso);
}

WorkItem item(std::int64_t id, const char* start, const char* finish, Vnd budget)
{
    WorkItem w;
    w.id = id;
    w.plannedStart = day(start);
    w.plannedFinish = day(finish);
    w.budget = budget;
    return w;
}
} // namespace

TEST_CASE("S-curves: the plan rises to 100 % and actuals follow the reports", "[tracker][curves]")
{
    const std::vector<WorkItem> items{item(1, "2026-01-01", "2026-12-31", 300),
                                      item(2, "2026-07-01", "2026-12-31", 100)};
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

TEST_CASE("a cluster without items or reports has empty curves", "[tracker][curves]")
{
    const auto curves = progressCurves({}, {});
    CHECK(curves.plannedPhysical.empty());
    CHECK(curves.actualPhysical.empty());
    CHECK_FALSE(curves.first);
}

TEST_CASE("month ends keep each month's last point and the curve's last", "[tracker][curves]")
{
    const std::vector<CurvePoint> daily{{Date{2026, 1, 5}, 1}, {Date{2026, 1, 30}, 2},
                                        {Date{2026, 2, 1}, 3}, {Date{2026, 2, 27}, 4},
                                        {Date{2027, 2, 3}, 5}, {Date{2027, 3, 1}, 6},
                                        {Date{2027, 3, 9}, 7}};
    const auto ends = monthEnds(daily);
    REQUIRE(ends.size() == 4);
    CHECK(ends[0].value == 2);
    CHECK(ends[1].value == 4);
    CHECK(ends[2].value == 5); // February of another year is another month
    CHECK(ends[3].date == Date{2027, 3, 9});
    CHECK(ends.back().value == 7);
    CHECK(monthEnds({}).empty());
}
