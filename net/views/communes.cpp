#include "net/views/communes.h"

#include "net/views/admin_units_file.h"
#include "net/views/collation.h"

#include <algorithm>
#include <map>

namespace tracker::net
{

std::vector<CommuneGroup> groupByCommune(const std::vector<ClusterSummary>& summaries)
{
    std::map<std::string, CommuneGroup> byCode;
    for (const auto& s : summaries)
        for (const auto& placed : s.cluster.units)
        {
            const auto* unit = adminUnits().byCode(placed.code);
            if (!unit)
                continue;
            auto& group = byCode[unit->code];
            group.unit = unit;
            group.clusters.push_back(s);
            if (s.isBehind())
                ++group.behind;
            if (!placed.certain || isUncertain(s.cluster.unitBasis))
                ++group.unverified;
        }
    std::vector<CommuneGroup> groups;
    for (auto& [code, group] : byCode)
    {
        group.totals = portfolioTotals(group.clusters);
        groups.push_back(std::move(group));
    }
    std::sort(groups.begin(), groups.end(),
              [](const CommuneGroup& a, const CommuneGroup& b)
              { return vietnameseLess(a.unit->name, b.unit->name); });
    return groups;
}

} // namespace tracker::net
