#pragma once

#include "persistence/database.h"

#include <cstdint>
#include <string>
#include <vector>

namespace soci
{
class session;
}

namespace tracker::persistence
{

// Who changed something, from where and when (Hanoi time, RFC 3339).
struct AuditContext
{
    std::string actor; // the account's email
    std::string address;
    std::string at;
};

struct AuditEntry
{
    std::int64_t id = 0;
    std::string at;
    std::string actor;
    std::string address;
    std::string entity; // cluster, tenant, progress_report, baseline, work_item, user, subscription
    std::int64_t entityId = 0;
    std::int64_t clusterId = 0; // 0: not about one cluster
    std::string action;         // create, update, rebaseline, ...
    std::string changes;        // JSON: {"field":{"old":…,"new":…}}
};

struct AuditFilter
{
    std::string entity;         // empty: any
    std::int64_t entityId = 0;  // 0: any
    std::int64_t clusterId = 0; // 0: any; else the cluster and all its parts
    std::string actor;          // empty: anyone
    std::string since;          // YYYY-MM-DD, empty: from the start
    int limit = 200;
};

// Inside the caller's transaction, so that a change and its record commit together.
void appendAudit(soci::session& session, const AuditContext& context, const std::string& entity,
                 std::int64_t entityId, const std::string& action, const std::string& changes,
                 std::int64_t clusterId = 0);

// In a transaction of its own, for writes made by code that keeps no audit itself.
void appendAuditNow(Database& database, const AuditContext& context, const std::string& entity,
                    std::int64_t entityId, const std::string& action, const std::string& changes);

std::vector<AuditEntry> listAudit(Database& database, const AuditFilter& filter);
// The newest entry's id: a data version that every instance can read.
std::int64_t latestAuditId(Database& database);

// Audit entries with an id above `afterId`, oldest first, at most `limit`: each entry's id
// and the code of the cluster it changed ("" for a change that is not about one cluster).
struct AuditedChange
{
    std::int64_t id = 0;
    std::string clusterCode;
};
std::vector<AuditedChange> auditedChangesAfter(Database& database, std::int64_t afterId, int limit);

} // namespace tracker::persistence
