#pragma once

#include "net/views/locale.h"
#include "tracker/cluster_facts.h"
#include "tracker/delay_flag.h"
#include "tracker/metrics.h"

#include <kainjow/mustache.hpp>
#include <vector>

namespace tracker::net
{

// One cluster of a comparison: its detail, its facts and its delay flags (open ones count).
struct ComparedCluster
{
    ClusterDetail detail;
    ClusterFacts facts;
    std::vector<DelayFlag> flags;
};

// /compare: the clusters side by side, one column each: place, land, readiness of every
// work item, occupancy, tenants by sector, open delays.
kainjow::mustache::data compareView(const std::vector<ComparedCluster>& clusters, const Date& asOf,
                                    Language language);

} // namespace tracker::net
