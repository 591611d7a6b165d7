#include "tracker/schedule_slots.h"

#include <algorithm>

namespace tracker
{

int isoWeekday(const Date& date)
{
    const long days = date.daysSinceEpoch(); // 1970-01-01 was a Thursday
    return static_cast<int>(((days % 7 + 7) % 7 + 3) % 7) + 1;
}

std::string dailySlot(const HanoiTime& now, int hour, int minute)
{
    HanoiTime slot{now.date, hour, minute};
    if (now < slot)
        slot.date = now.date.plusDays(-1);
    return slot.slot();
}

std::string weeklySlot(const HanoiTime& now, int weekday, int hour, int minute)
{
    HanoiTime slot{now.date, hour, minute};
    const int back = (isoWeekday(now.date) - weekday + 7) % 7;
    slot.date = now.date.plusDays(-back);
    if (now < slot)
        slot.date = slot.date.plusDays(-7);
    return slot.slot();
}

std::string everyMinutesSlot(const HanoiTime& now, int minutes)
{
    HanoiTime slot = now;
    slot.minute -= now.minute % std::max(1, minutes);
    return slot.slot();
}

} // namespace tracker
