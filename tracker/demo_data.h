#pragma once

#include "tracker/model.h"
#include "tracker/schedule.h"

#include <cstdint>
#include <vector>

namespace tracker
{

// Work items, reports and tenants are not public, so the demo generates an illustrative
// set: deterministic for a given seed and date, with a realistic spread of clusters on
// time, late, with stale reports, not yet started, and finished and filling up.
enum class DemoScenario
{
    NotStarted,
    OnTrack,
    Late,
    StaleReports,
    FinishedFillingUp
};

struct DemoPlan
{
    DemoScenario scenario = DemoScenario::OnTrack;
    ProjectStatus status = ProjectStatus::Implementation;
    std::vector<WorkItem> items;         // id = index in this vector until stored
    std::vector<ProgressReport> reports; // lines name items by that index
    std::vector<Tenant> tenants;
};

DemoPlan generateDemoPlan(const Cluster& cluster, const Date& asOf, std::uint32_t seed);

} // namespace tracker
