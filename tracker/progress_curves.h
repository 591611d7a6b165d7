#pragma once

#include "tracker/model.h"

#include <optional>
#include <vector>

namespace tracker
{

// One point of an S-curve: a date and a cumulative value.
struct CurvePoint
{
    Date date;
    double value = 0;
};

// The planned and actual S-curves of one cluster: physical progress in percent and
// disbursement in VND. Planned curves follow the work items' planned windows (linear
// inside each); actual curves come from the progress reports.
struct ProgressCurves
{
    std::vector<CurvePoint> plannedPhysical;
    std::vector<CurvePoint> actualPhysical;
    std::vector<CurvePoint> plannedDisbursement;
    std::vector<CurvePoint> actualDisbursement;
    std::optional<Date> first; // the span every curve lies in
    std::optional<Date> last;
};

// One point per calendar month: the month's last point (the figure at the month's last
// report), and always the curve's last point. A daily reporter's 833 points become 28.
std::vector<CurvePoint> monthEnds(const std::vector<CurvePoint>& curve);

// Reports may be in any order; a work item a report does not mention keeps the percent
// the previous report gave it. `samples` is how many points the planned curves get.
ProgressCurves progressCurves(const std::vector<WorkItem>& items,
                              const std::vector<ProgressReport>& reports, int samples = 48);

} // namespace tracker
