#include "tracker/metrics.h"

#include "tracker/schedule.h"

namespace tracker
{

std::optional<double> weightedProgressPercent(const std::vector<WorkItem>& items)
{
    long double weighted = 0;
    long double budget = 0;
    for (const auto& item : items)
    {
        weighted += static_cast<long double>(item.budget) * item.percentDone;
        budget += static_cast<long double>(item.budget);
    }
    if (budget <= 0)
        return std::nullopt;
    return static_cast<double>(weighted / budget);
}

std::optional<double> plannedProgressPercent(const std::vector<WorkItem>& items, const Date& asOf)
{
    long double weighted = 0;
    long double budget = 0;
    for (const auto& item : items)
    {
        weighted += static_cast<long double>(item.budget) * plannedPercentAt(item, asOf);
        budget += static_cast<long double>(item.budget);
    }
    if (budget <= 0)
        return std::nullopt;
    return static_cast<double>(weighted / budget);
}

int overdueItemCount(const std::vector<WorkItem>& items, const Date& asOf)
{
    int overdue = 0;
    for (const auto& item : items)
    {
        if (isOverdue(item, asOf))
            ++overdue;
    }
    return overdue;
}

SquareMetres leasedArea(const std::vector<Tenant>& tenants)
{
    SquareMetres leased = 0;
    for (const auto& tenant : tenants)
    {
        if (tenant.status != TenantStatus::Left)
            leased += tenant.leasedArea;
    }
    return leased;
}

std::optional<Occupancy> occupancy(const Cluster& cluster, SquareMetres leased)
{
    if (cluster.industrialArea && *cluster.industrialArea > 0)
        return Occupancy{100.0 * static_cast<double>(leased) /
                             static_cast<double>(*cluster.industrialArea),
                         OccupancyBasis::IndustrialLand};
    if (cluster.totalArea && *cluster.totalArea > 0)
        return Occupancy{100.0 * static_cast<double>(leased) /
                             static_cast<double>(*cluster.totalArea),
                         OccupancyBasis::TotalArea};
    return std::nullopt;
}

PortfolioTotals portfolioTotals(const std::vector<ClusterSummary>& clusters)
{
    PortfolioTotals totals;
    double progressSum = 0;
    int withProgress = 0;
    for (const auto& figures : clusters)
    {
        const Cluster& cluster = figures.cluster;
        ++totals.clusterCount;
        if (cluster.totalArea)
        {
            totals.totalArea += *cluster.totalArea;
            ++totals.clustersWithArea;
        }
        totals.industrialArea += cluster.industrialArea.value_or(0);
        if (cluster.plannedInvestment)
        {
            totals.plannedInvestment += *cluster.plannedInvestment;
            ++totals.clustersWithInvestment;
        }
        totals.disbursed += figures.disbursed.value_or(0);
        if (figures.progressPercent)
        {
            progressSum += *figures.progressPercent;
            ++withProgress;
        }
        totals.leased += figures.leased;
        totals.tenantCount += figures.tenantCount;
    }
    if (withProgress > 0)
        totals.averageProgressPercent = progressSum / withProgress;
    return totals;
}

} // namespace tracker
