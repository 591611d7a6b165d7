#pragma once

#include "tracker/date.h"

#include <atomic>
#include <optional>
#include <string>

namespace tracker
{

// A wall-clock time in Hanoi, to the minute: what schedules are written in.
struct HanoiTime
{
    Date date;
    int hour = 0;
    int minute = 0;
    auto operator<=>(const HanoiTime&) const = default;
    std::string slot() const; // "2026-11-27T06:00", sortable as text
};

// Today in Hanoi whatever the server's TZ: Asia/Ho_Chi_Minh is UTC+7 all year (no DST).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual long long unixSeconds() const = 0;
    Date todayInHanoi() const;
    HanoiTime nowInHanoi() const;
    std::string nowRfc3339() const; // "2026-11-27T06:00:05+07:00"
};

class SystemClock : public Clock
{
public:
    long long unixSeconds() const override;
};

// A clock that stands still, for --now and for tests.
class FixedClock : public Clock
{
public:
    explicit FixedClock(long long unixSeconds) : _unixSeconds(unixSeconds) {}
    long long unixSeconds() const override { return _unixSeconds.load(); }
    // Tests move time on while a server reads the clock from its threads.
    void advance(long long seconds) { _unixSeconds += seconds; }

private:
    std::atomic<long long> _unixSeconds;
};

// "2026-11-30T08:00:00+07:00" (RFC 3339 with an offset, or Z) → unix seconds.
std::optional<long long> parseInstant(const std::string& text);

constexpr long kHanoiUtcOffsetSeconds = 7 * 3600;
// An instant as Hanoi's wall clock writes it: "2026-11-27T06:00:05+07:00".
std::string rfc3339InHanoi(long long unixSeconds);

} // namespace tracker
