#include "tracker/land.h"

#include <algorithm>

namespace tracker
{

LandAvailability landOf(const Cluster& cluster, const ClusterFacts& facts, SquareMetres leased)
{
    LandAvailability land;
    land.leased = leased;
    land.industrial = cluster.industrialArea;
    land.ready = facts.readyToLease;
    if (!land.industrial)
    {
        land.missingVi.push_back("chưa có diện tích đất công nghiệp theo quy hoạch chi tiết");
        land.missingEn.push_back("the industrial land of the detailed plan is not on record");
        land.ready.reset(); // nothing is computed without it
        return land;
    }
    if (!land.ready)
    {
        land.missingVi.push_back("chưa có diện tích đất đã có hạ tầng, đủ điều kiện cho thuê");
        land.missingEn.push_back("the land with finished infrastructure is not on record");
        return land;
    }
    land.now = std::max<SquareMetres>(0, *land.ready - leased);
    land.later = std::max<SquareMetres>(0, *land.industrial - *land.ready);
    if (*land.later > 0)
        land.laterBy = cluster.plannedFinish;
    return land;
}

} // namespace tracker
