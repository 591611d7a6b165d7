#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"
#include "tracker/baseline.h"
#include "tracker/model.h"

#include <functional>
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

// The outcome of saving over a version: saved, or someone saved first and this is theirs.
template <typename Record> struct SaveResult
{
    bool saved = false;
    Record current; // after the save, or the newer version that stopped it
};

// Every change here commits together with its audit entry, or not at all.
class EditRepository
{
public:
    explicit EditRepository(Database& database) : _database(database) {}

    std::optional<EditableCluster> findCluster(const std::string& code);
    std::optional<Cluster> findClusterById(std::int64_t id);
    std::optional<Tenant> findTenant(std::int64_t id);
    // What the newest report said was disbursed to date: a report form starts from it.
    std::optional<Vnd> latestDisbursed(std::int64_t clusterId);

    // Stores the report and moves each reported item's percentage to the new figure.
    std::int64_t submitReport(const ProgressReport& report, const AuditContext& context);
    SaveResult<Cluster> updateRegistry(const Cluster& next, int expectedVersion,
                                       const AuditContext& context);
    std::int64_t createTenant(const Tenant& tenant, const AuditContext& context);
    SaveResult<Tenant> updateTenant(const Tenant& next, int expectedVersion,
                                    const AuditContext& context);
    // Records `plan` as the cluster's next baseline, keeping every earlier one (the plan
    // before the first re-baselining is kept as baseline 1). Returns the new number, or
    // nothing when `basedOn` (the latest baseline the plan was made from, 0 for none) is
    // given and someone re-baselined since.
    std::optional<int> rebaseline(std::int64_t clusterId, const std::vector<WorkItem>& plan,
                                  const std::string& reason, const AuditContext& context,
                                  std::optional<int> basedOn = std::nullopt);
    // The latest baseline's number, 0 when the cluster was never re-baselined.
    int latestBaseline(std::int64_t clusterId);
    std::vector<Baseline> baselines(std::int64_t clusterId);
    // Every record in one transaction, each with its audit entry: all or nothing.
    // `progress` hears how many records are written so far. A background import's record
    // (`importJobId`, when not empty) is marked written in the same transaction, so that its
    // page can tell, should the instance die before the outcome is recorded.
    void importRecords(const std::vector<Tenant>& tenants,
                       const std::vector<ProgressReport>& reports, const AuditContext& context,
                       const std::function<void(std::size_t)>& progress,
                       const std::string& importJobId = "");

private:
    Database& _database;
};

} // namespace tracker::persistence
