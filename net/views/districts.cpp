#include "net/views/districts.h"

#include "net/views/cluster_query.h"
#include "net/views/collation.h"
#include "net/views/page_views.h"

#include <algorithm>
#include <map>

namespace tracker::net
{

std::vector<DistrictGroup> groupByDistrict(const std::vector<ClusterSummary>& summaries)
{
    std::map<std::string, DistrictGroup> byName;
    for (const auto& s : summaries)
    {
        auto& group = byName[s.cluster.district];
        group.name = s.cluster.district;
        group.clusters.push_back(s);
        if (s.isBehind())
            ++group.behind;
    }
    std::vector<DistrictGroup> groups;
    for (auto& [name, group] : byName)
    {
        group.slug = districtSlug(name);
        group.totals = portfolioTotals(group.clusters);
        groups.push_back(std::move(group));
    }
    std::sort(groups.begin(), groups.end(),
              [](const DistrictGroup& a, const DistrictGroup& b)
              { return vietnameseLess(a.name, b.name); });
    return groups;
}

} // namespace tracker::net
