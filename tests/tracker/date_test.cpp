#include "tracker/date.h"

#include <catch2/catch.hpp>

using tracker::Date;

TEST_CASE("dates convert to and from day counts exactly", "[tracker][date]")
{
    CHECK(Date{1970, 1, 1}.daysSinceEpoch() == 0);
    CHECK(Date{2000, 3, 1}.daysSinceEpoch() == 11017);
    for (long day = -1000; day < 40000; day += 7)
        CHECK(Date::fromDaysSinceEpoch(day).daysSinceEpoch() == day);
}

TEST_CASE("adding days crosses months, years and leap days", "[tracker][date]")
{
    CHECK(Date{2024, 2, 28}.plusDays(1) == Date{2024, 2, 29});
    CHECK(Date{2023, 2, 28}.plusDays(1) == Date{2023, 3, 1});
    CHECK(Date{2024, 12, 31}.plusDays(1) == Date{2025, 1, 1});
    CHECK(Date{2024, 6, 30}.daysUntil(Date{2024, 7, 15}) == 15);
}

TEST_CASE("ISO dates parse strictly", "[tracker][date]")
{
    CHECK(Date::parseIso("2024-02-29") == Date{2024, 2, 29});
    CHECK_FALSE(Date::parseIso("2023-02-29"));
    CHECK_FALSE(Date::parseIso("2024-13-01"));
    CHECK_FALSE(Date::parseIso("2024-1-01"));
    CHECK_FALSE(Date::parseIso("2024-01-01T00"));
    CHECK_FALSE(Date::parseIso("2024-0a-01"));
    CHECK_FALSE(Date::parseIso(""));
}

TEST_CASE("dates print in ISO and Vietnamese order", "[tracker][date]")
{
    CHECK(Date{2024, 6, 5}.iso() == "2024-06-05");
    CHECK(Date{2024, 6, 5}.vietnamese() == "05/06/2024");
}
