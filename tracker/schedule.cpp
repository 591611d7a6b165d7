#include "tracker/schedule.h"

namespace tracker
{

double plannedPercentAt(const WorkItem& item, const Date& date)
{
    const long span = item.plannedStart.daysUntil(item.plannedFinish);
    const long elapsed = item.plannedStart.daysUntil(date);
    if (elapsed <= 0)
        return 0;
    if (span <= 0 || elapsed >= span)
        return 100;
    return 100.0 * static_cast<double>(elapsed) / static_cast<double>(span);
}

bool isOverdue(const WorkItem& item, const Date& asOf)
{
    return item.plannedFinish < asOf && item.percentDone < 100;
}

} // namespace tracker
