#pragma once

#include "persistence/database.h"
#include "tracker/metrics.h"

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

    std::vector<ClusterSummary> listSummaries();
    std::optional<ClusterDetail> findDetail(const std::string& code, int reportLimit);
    std::vector<ReportedTotals> reportedTotals();
    int count();

private:
    Database& _database;
};

} // namespace tracker::persistence
