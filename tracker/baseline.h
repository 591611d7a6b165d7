#pragma once

#include "tracker/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tracker
{

// An approved plan of a cluster's work items; the first is the original plan, each
// re-baselining adds the next.
struct Baseline
{
    std::int64_t id = 0;
    int number = 0;
    std::string reason;
    std::string createdBy;
    std::string createdAt;
    std::vector<WorkItem> items; // the plan as approved then
};

// What a cluster's planned %, SPI and behind-schedule rule are measured against: its
// current plan (the latest baseline, or the original plan when it was never re-baselined),
// and, once it was, the original plan kept beside it so that moving the yardstick shows.
struct PlanBasis
{
    int number = 0;         // the current baseline's number; 0: never re-baselined
    std::string approvedAt; // RFC 3339, when the current baseline was recorded
    std::string reason;
    // Baseline 1's dates and budgets with today's progress; empty when never re-baselined.
    std::vector<WorkItem> original;
    bool rebaselined() const { return number > 1; }
};

// `items` as `plan` planned them: its dates and budgets, each item's progress as it is now.
// Items the plan did not have (added by a later re-baselining) are left out.
std::vector<WorkItem> asPlannedIn(const std::vector<WorkItem>& items,
                                  const std::vector<WorkItem>& plan);

// "kế hoạch số 2 (điều chỉnh ngày 30/11/2026)" / "baseline 2 (approved 30/11/2026)", or the
// original plan's name when it was never re-baselined.
std::string basisName(const PlanBasis& basis, bool vietnamese);

} // namespace tracker
