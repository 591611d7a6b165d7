#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"
#include "persistence/save_result.h"
#include "tracker/cluster_facts.h"

#include <map>

namespace tracker::persistence
{

// A cluster's facts for the statutory forms, edited over a version and audited.
class ClusterFactsRepository
{
public:
    explicit ClusterFactsRepository(Database& database) : _database(database) {}

    // Never entered: version 0 and every fact unknown.
    ClusterFacts find(std::int64_t clusterId);
    std::map<std::int64_t, ClusterFacts> all();
    SaveResult<ClusterFacts> save(const ClusterFacts& next, int expectedVersion,
                                  const AuditContext& context);

private:
    Database& _database;
};

// Inside the seeding transaction: what the registry itself tells (a "làng nghề" cluster).
void insertRegistryFacts(soci::session& session, const ClusterFacts& facts);

} // namespace tracker::persistence
