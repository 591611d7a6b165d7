#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"
#include "tracker/baseline.h"
#include "tracker/model.h"

#include <optional>
#include <string>
#include <vector>

namespace soci
{
class session;
}

namespace tracker::persistence
{

// Inside a caller's session: which baseline the cluster's `items` now follow, and baseline 1
// as `items` would be under it (tracker/baseline.h). One query, two once re-baselined.
PlanBasis planBasisOf(soci::session& session, std::int64_t clusterId,
                      const std::vector<WorkItem>& items);

// A cluster's approved plans. Re-baselining keeps every earlier one: the plan before the
// first re-baselining is kept as baseline 1.
class BaselineRepository
{
public:
    explicit BaselineRepository(Database& database) : _database(database) {}

    // Records `plan` as the cluster's next baseline; a work item with id 0 is added. Returns
    // the new number, or nothing when `basedOn` (the latest baseline the plan was made from,
    // 0 for none) is given and someone re-baselined since.
    std::optional<int> rebaseline(std::int64_t clusterId, const std::vector<WorkItem>& plan,
                                  const std::string& reason, const AuditContext& context,
                                  std::optional<int> basedOn = std::nullopt);
    // The latest baseline's number, 0 when the cluster was never re-baselined.
    int latestBaseline(std::int64_t clusterId);
    std::vector<Baseline> baselines(std::int64_t clusterId);

private:
    Database& _database;
};

} // namespace tracker::persistence
