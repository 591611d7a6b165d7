#include "net/clock.h"

#include <chrono>

namespace tracker::net
{

Date Clock::todayInHanoi() const
{
    const long long local = unixSeconds() + kHanoiUtcOffsetSeconds;
    const long long days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    return Date::fromDaysSinceEpoch(static_cast<long>(days));
}

long long SystemClock::unixSeconds() const
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace tracker::net
