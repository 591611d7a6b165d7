#include "tracker/clock.h"

#include <chrono>
#include <cstdio>

namespace tracker
{

Date Clock::todayInHanoi() const
{
    const long long local = unixSeconds() + kHanoiUtcOffsetSeconds;
    const long long days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    return Date::fromDaysSinceEpoch(static_cast<long>(days));
}

HanoiTime Clock::nowInHanoi() const
{
    const long long local = unixSeconds() + kHanoiUtcOffsetSeconds;
    const long long secondOfDay = ((local % 86400) + 86400) % 86400;
    return {todayInHanoi(), static_cast<int>(secondOfDay / 3600),
            static_cast<int>(secondOfDay % 3600 / 60)};
}

std::string Clock::nowRfc3339() const
{
    return rfc3339InHanoi(unixSeconds());
}

std::string rfc3339InHanoi(long long unixSeconds)
{
    const long long local = unixSeconds + kHanoiUtcOffsetSeconds;
    const long long days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    const long long secondOfDay = local - days * 86400;
    char text[40];
    std::snprintf(text, sizeof text, "%sT%02lld:%02lld:%02lld+07:00",
                  Date::fromDaysSinceEpoch(static_cast<long>(days)).iso().c_str(),
                  secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60);
    return text;
}

std::string HanoiTime::slot() const
{
    char text[24];
    std::snprintf(text, sizeof text, "%sT%02d:%02d", date.iso().c_str(), hour, minute);
    return text;
}

std::optional<long long> parseInstant(const std::string& text)
{
    // yyyy-mm-ddThh:mm:ss then Z or ±hh:mm
    if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        return std::nullopt;
    const auto day = Date::parseIso(text.substr(0, 10));
    int hour = 0, minute = 0, second = 0;
    if (!day || std::sscanf(text.c_str() + 11, "%2d:%2d:%2d", &hour, &minute, &second) != 3 ||
        hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    long long offset = 0;
    const std::string zone = text.substr(19);
    if (zone != "Z")
    {
        int zh = 0, zm = 0;
        if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' ||
            std::sscanf(zone.c_str() + 1, "%2d:%2d", &zh, &zm) != 2 || zh > 14 || zm > 59)
            return std::nullopt;
        offset = (zone[0] == '+' ? 1 : -1) * (zh * 3600LL + zm * 60LL);
    }
    return day->daysSinceEpoch() * 86400LL + hour * 3600LL + minute * 60LL + second - offset;
}

long long SystemClock::unixSeconds() const
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace tracker
