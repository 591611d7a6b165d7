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

} // namespace tracker
