#pragma once

#include "tracker/baseline.h"
#include "tracker/model.h"

#include <optional>
#include <vector>

namespace tracker
{

// Physical progress of a cluster: each work item's percent weighted by its budget.
// None when there are no items or no budget to weigh them by.
std::optional<double> weightedProgressPercent(const std::vector<WorkItem>& items);

// Where the budget-weighted plan says the cluster should be at a date (linear inside each
// work item's planned window), and how many items are past their planned finish unfinished.
std::optional<double> plannedProgressPercent(const std::vector<WorkItem>& items, const Date& asOf);
int overdueItemCount(const std::vector<WorkItem>& items, const Date& asOf);

// What share of the land for lease is leased. Industrial land is the right denominator;
// most sources give only the total area, so the basis says which one was used.
enum class OccupancyBasis
{
    IndustrialLand,
    TotalArea
};

struct Occupancy
{
    double percent = 0;
    OccupancyBasis basis = OccupancyBasis::IndustrialLand;
};

// Tenants that have left no longer occupy land.
SquareMetres leasedArea(const std::vector<Tenant>& tenants);
std::optional<Occupancy> occupancy(const Cluster& cluster, SquareMetres leased);

// A cluster with the figures derived from its work items, reports and tenants.
struct ClusterSummary
{
    Cluster cluster;
    std::optional<double> progressPercent;
    SquareMetres leased = 0;
    int tenantCount = 0;
    std::optional<Vnd> disbursed; // from the latest report
    std::optional<Date> lastReportDate;
    std::optional<double> plannedPercent; // as of the date the summary was made for
    int overdueItems = 0;
    bool behindSchedule = false; // isBehindSchedule() (tracker/delay_rules.h) at that date
    bool isBehind() const { return behindSchedule; }
};

struct PortfolioTotals
{
    int clusterCount = 0;
    SquareMetres totalArea = 0;
    int clustersWithArea = 0;
    SquareMetres industrialArea = 0;
    Vnd plannedInvestment = 0;
    int clustersWithInvestment = 0;
    Vnd disbursed = 0;
    std::optional<double> averageProgressPercent; // over clusters that have a progress figure
    SquareMetres leased = 0;
    int tenantCount = 0;
};

// Everything the cluster page and API show about one cluster.
struct ClusterDetail
{
    ClusterSummary summary;
    std::vector<WorkItem> items;
    std::vector<ProgressReport> reports; // newest first
    std::vector<Tenant> tenants;
    PlanBasis plan; // which baseline the planned figures use, and the original beside it
};

PortfolioTotals portfolioTotals(const std::vector<ClusterSummary>& clusters);

} // namespace tracker
