#pragma once

#include "persistence/database.h"
#include "tracker/metrics.h"

#include <map>

namespace soci
{
class session;
}
#include <optional>
#include <string>
#include <vector>

namespace tracker::persistence
{

// Reads clusters with the figures derived from their work items, reports and tenants.
class ClusterRepository
{
public:
    explicit ClusterRepository(Database& database) : _database(database) {}

    // Figures that depend on the date (planned progress, overdue items) are as of asOf.
    std::vector<ClusterSummary> listSummaries(const Date& asOf);
    std::optional<ClusterDetail> findDetail(const std::string& code, int reportLimit,
                                            const Date& asOf);
    // Every cluster with its items, tenants and up to reportLimit reports, ordered by id:
    // what the exports, the OC4IDS package and the delay list need.
    std::vector<ClusterDetail> listDetails(int reportLimit, const Date& asOf);
    // Every cluster's code, in id order: to go through them one at a time.
    std::vector<std::string> clusterCodes();
    // Every cluster with its items, its tenants' figures (count and leased area, not the
    // tenants themselves) and only its `recentReports` newest reports, in a few queries:
    // what the daily delay scan needs, at national scale.
    std::vector<ClusterDetail> listForScan(const Date& asOf, int recentReports);
    // One cluster's summary before its dated figures (no planned %, no overdue items), and
    // its work items: what SummarySnapshot reloads when that cluster changed. Nothing
    // when no cluster has the code (any more).
    std::optional<ClusterDetail> summaryInputs(const std::string& code);
    // The same for every cluster, ordered by id, in a few queries.
    std::vector<ClusterDetail> allSummaryInputs();
    std::vector<ReportedTotals> reportedTotals();
    // Each cluster's tenant names joined by spaces, for search.
    std::map<std::int64_t, std::string> tenantNamesByCluster();
    int count();

private:
    std::vector<ClusterDetail> loadAll(soci::session& session, const Date& asOf, int recentReports);
    Database& _database;
};

} // namespace tracker::persistence
