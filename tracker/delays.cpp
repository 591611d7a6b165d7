#include "tracker/delays.h"

#include "tracker/schedule.h"

#include <algorithm>

namespace tracker
{

std::vector<Delay> delaysOf(const ClusterDetail& detail, const Date& asOf)
{
    std::vector<Delay> delays;
    const Cluster& cluster = detail.summary.cluster;
    for (const auto& item : detail.items)
    {
        if (!isOverdue(item, asOf))
            continue;
        Delay delay;
        delay.clusterCode = cluster.code;
        delay.clusterName = cluster.nameVi;
        delay.district = cluster.district;
        delay.workKind = item.kind;
        delay.since = item.plannedFinish.plusDays(1);
        delay.daysLate = item.plannedFinish.daysUntil(asOf);
        delay.percentDone = item.percentDone;
        delay.provenance = item.provenance;
        delays.push_back(delay);
    }
    return delays;
}

std::vector<Delay> currentDelays(const std::vector<ClusterDetail>& details, const Date& asOf)
{
    std::vector<Delay> all;
    for (const auto& detail : details)
    {
        auto delays = delaysOf(detail, asOf);
        all.insert(all.end(), delays.begin(), delays.end());
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const Delay& a, const Delay& b)
                     {
                         if (a.daysLate != b.daysLate)
                             return a.daysLate > b.daysLate;
                         return a.clusterCode < b.clusterCode;
                     });
    return all;
}

} // namespace tracker
