#pragma once

#include "tracker/model.h"

namespace tracker
{

// Planned percent of one work item at a date: linear inside its planned window, 0 before
// it and 100 after it.
double plannedPercentAt(const WorkItem& item, const Date& date);

// Past its planned finish and not finished.
bool isOverdue(const WorkItem& item, const Date& asOf);

} // namespace tracker
