#pragma once

#include "tracker/date.h"

namespace tracker::net
{

// Today in Hanoi whatever the server's TZ: Asia/Ho_Chi_Minh is UTC+7 all year (no DST).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual long long unixSeconds() const = 0;
    Date todayInHanoi() const;
};

class SystemClock : public Clock
{
public:
    long long unixSeconds() const override;
};

constexpr long kHanoiUtcOffsetSeconds = 7 * 3600;

} // namespace tracker::net
