#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace tracker
{

// A calendar date with no time of day and no zone: every date the tracker stores is a
// date in Asia/Ho_Chi_Minh, so none of them needs one.
struct Date
{
    int year = 1970;
    int month = 1;
    int day = 1;

    auto operator<=>(const Date&) const = default;

    long daysSinceEpoch() const;
    static Date fromDaysSinceEpoch(long days);
    Date plusDays(long days) const { return fromDaysSinceEpoch(daysSinceEpoch() + days); }
    long daysUntil(const Date& later) const { return later.daysSinceEpoch() - daysSinceEpoch(); }
    std::string iso() const;        // 2024-06-30
    std::string vietnamese() const; // 30/06/2024
    static std::optional<Date> parseIso(std::string_view text);
};

bool isValidDate(int year, int month, int day);

} // namespace tracker
