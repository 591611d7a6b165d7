#pragma once

#include "tracker/model.h"

#include <optional>
#include <string>
#include <vector>

namespace soci
{
class row;
class session;
} // namespace soci

namespace tracker::persistence
{

// The column lists and row mappings shared by the repository's queries.
extern const char* const kClusterColumns;
extern const char* const kWorkItemColumns;
extern const char* const kTenantColumns;

Cluster clusterFromRow(const soci::row& row);
WorkItem workItemFromRow(const soci::row& row);
Tenant tenantFromRow(const soci::row& row);

// Reads inside the caller's session (and transaction, if any).
std::optional<Cluster> clusterWhere(soci::session& session, const std::string& where,
                                    const std::string& parameter);
std::vector<WorkItem> itemsOf(soci::session& session, std::int64_t clusterId);
std::optional<Tenant> tenantWhere(soci::session& session, std::int64_t id);

} // namespace tracker::persistence
