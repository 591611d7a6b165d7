#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"
#include "persistence/save_result.h"
#include "tracker/model.h"

#include <optional>
#include <string>
#include <vector>

namespace tracker::persistence
{

// A cluster as its editors see it: the record and its parts, each with its version.
struct EditableCluster
{
    Cluster cluster;
    std::vector<WorkItem> items;
    std::vector<Tenant> tenants;
};

// The registry entry of a cluster, as the back office edits it. A change commits with its
// audit entry, or not at all.
class RegistryRepository
{
public:
    explicit RegistryRepository(Database& database) : _database(database) {}

    std::optional<EditableCluster> findCluster(const std::string& code);
    std::optional<Cluster> findClusterById(std::int64_t id);
    SaveResult<Cluster> updateRegistry(const Cluster& next, int expectedVersion,
                                       const AuditContext& context);
    // The cluster's current xã/phường and how sure that is (an official's confirmation).
    SaveResult<Cluster> placeUnits(const Cluster& next, int expectedVersion,
                                   const AuditContext& context);

private:
    using RowUpdate = bool (*)(soci::session&, const Cluster&, int);
    SaveResult<Cluster> save(const Cluster& next, int expectedVersion, const AuditContext& context,
                             RowUpdate update);
    Database& _database;
};

} // namespace tracker::persistence
