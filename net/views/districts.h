#pragma once

#include "tracker/metrics.h"

#include <string>
#include <vector>

namespace tracker::net
{

// The clusters of one district, for the district pages, the map and the API.
struct DistrictGroup
{
    std::string name; // Vietnamese, as the registry writes it
    std::string slug; // for URLs: "thach-that"
    std::vector<ClusterSummary> clusters;
    PortfolioTotals totals;
    int behind = 0;
};

// Districts that have clusters, in Vietnamese alphabetical order.
std::vector<DistrictGroup> groupByDistrict(const std::vector<ClusterSummary>& summaries);

} // namespace tracker::net
