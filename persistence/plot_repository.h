#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"
#include "tracker/plot.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace soci
{
class session;
}

namespace tracker::persistence
{

// The plots developers publish, each change audited under its cluster (so that every
// instance refreshes the cluster's pages and /land).
class PlotRepository
{
public:
    explicit PlotRepository(Database& database) : _database(database) {}

    std::vector<Plot> ofCluster(std::int64_t clusterId);
    // Adds the plot, or replaces the cluster's plot with the same label.
    void put(const Plot& plot, const AuditContext& context);
    // False when the cluster has no plot with that label.
    bool remove(std::int64_t clusterId, const std::string& label, const AuditContext& context);

private:
    Database& _database;
};

// Every cluster's plots, by cluster id, label order: read with the facts.
std::map<std::int64_t, std::vector<Plot>> allPlots(soci::session& session);
std::vector<Plot> plotsOf(soci::session& session, std::int64_t clusterId);

} // namespace tracker::persistence
