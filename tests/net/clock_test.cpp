#include "net/clock.h"

#include <catch2/catch.hpp>

namespace
{
class FixedClock : public tracker::net::Clock
{
public:
    explicit FixedClock(long long seconds) : _seconds(seconds) {}
    long long unixSeconds() const override { return _seconds; }

private:
    long long _seconds;
};
} // namespace

TEST_CASE("today is Hanoi's date, seven hours ahead of UTC", "[net][clock]")
{
    // 2026-11-26T16:59:59Z is 23:59:59 in Hanoi; one second later it is the 27th there.
    CHECK(FixedClock(1795712399).todayInHanoi() == tracker::Date{2026, 11, 26});
    CHECK(FixedClock(1795712400).todayInHanoi() == tracker::Date{2026, 11, 27});
}
