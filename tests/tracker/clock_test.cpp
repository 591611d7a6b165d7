#include "tracker/clock.h"

#include <catch2/catch.hpp>

using tracker::FixedClock;

TEST_CASE("today is Hanoi's date, seven hours ahead of UTC", "[net][clock]")
{
    // 2026-11-26T16:59:59Z is 23:59:59 in Hanoi; one second later it is the 27th there.
    CHECK(FixedClock(1795712399).todayInHanoi() == tracker::Date{2026, 11, 26});
    CHECK(FixedClock(1795712400).todayInHanoi() == tracker::Date{2026, 11, 27});
}

TEST_CASE("Hanoi wall-clock time and instants with offsets", "[net][clock]")
{
    const FixedClock clock(1795712400 + 6 * 3600 + 30 * 60 + 5); // 06:30:05 on the 27th
    CHECK(clock.nowInHanoi().slot() == "2026-11-27T06:30");
    CHECK(clock.nowRfc3339() == "2026-11-27T06:30:05+07:00");
    CHECK(tracker::parseInstant("2026-11-27T06:30:05+07:00") == clock.unixSeconds());
    CHECK(tracker::parseInstant("2026-11-26T23:30:05Z") == clock.unixSeconds());
    CHECK_FALSE(tracker::parseInstant("27/11/2026 06:30"));
    CHECK_FALSE(tracker::parseInstant("2026-11-27T25:00:00+07:00"));
}
