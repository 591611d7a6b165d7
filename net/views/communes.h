#pragma once

#include "tracker/admin_units.h"
#include "tracker/metrics.h"

#include <vector>

namespace tracker::net
{

// The clusters that lie, or may lie, in one current unit. A cluster the source places in
// one of several candidates is in each candidate's group, counted as unverified there.
struct CommuneGroup
{
    const AdminUnit* unit = nullptr;
    std::vector<ClusterSummary> clusters;
    PortfolioTotals totals;
    int behind = 0;
    int unverified = 0; // clusters only possibly here
};

// Units that hold a cluster, in Vietnamese alphabetical order.
std::vector<CommuneGroup> groupByCommune(const std::vector<ClusterSummary>& summaries);

} // namespace tracker::net
