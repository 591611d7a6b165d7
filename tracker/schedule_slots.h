#pragma once

#include "tracker/clock.h"
#include "tracker/date.h"

#include <string>

namespace tracker
{

// ISO weekday of a date: 1 = Monday … 7 = Sunday.
int isoWeekday(const Date& date);

// The latest slot at or before `now`: today's (or yesterday's) time for a daily job, the
// latest such weekday for a weekly one. A job whose last finished slot is older than this
// is due, once, however many slots were missed while the tracker was down.
std::string dailySlot(const HanoiTime& now, int hour, int minute);
std::string weeklySlot(const HanoiTime& now, int weekday, int hour, int minute);
// The latest multiple of `minutes` (a divisor of 60) past the hour: for jobs that run all day.
std::string everyMinutesSlot(const HanoiTime& now, int minutes);

} // namespace tracker
