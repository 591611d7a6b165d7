#include "tracker/schedule_slots.h"

#include <catch2/catch.hpp>

using namespace tracker;

namespace
{
HanoiTime at(const char* date, int hour, int minute)
{
    return {*Date::parseIso(date), hour, minute};
}
} // namespace

TEST_CASE("slots: daily and weekly, in Hanoi time, the latest at or before now", "[tracker][jobs]")
{
    CHECK(isoWeekday(*Date::parseIso("2026-11-30")) == 1); // a Monday
    CHECK(isoWeekday(*Date::parseIso("2026-11-29")) == 7);
    CHECK(isoWeekday(*Date::parseIso("1970-01-01")) == 4); // the epoch was a Thursday
    CHECK(dailySlot(at("2026-11-27", 6, 0), 6, 0) == "2026-11-27T06:00");
    CHECK(dailySlot(at("2026-11-27", 5, 59), 6, 0) == "2026-11-26T06:00");
    CHECK(dailySlot(at("2026-01-01", 0, 0), 6, 0) == "2025-12-31T06:00");
    CHECK(weeklySlot(at("2026-11-30", 8, 0), 1, 8, 0) == "2026-11-30T08:00");
    CHECK(weeklySlot(at("2026-11-30", 7, 59), 1, 8, 0) == "2026-11-23T08:00");
    CHECK(weeklySlot(at("2026-12-03", 12, 0), 1, 8, 0) == "2026-11-30T08:00");
    CHECK(weeklySlot(at("2026-12-06", 23, 59), 7, 8, 0) == "2026-12-06T08:00");
}
