#pragma once

#include "tracker/model.h"

namespace soci
{
class row;
}

namespace tracker::persistence
{

// The column lists and row mappings shared by the repository's queries.
extern const char* const kClusterColumns;
extern const char* const kWorkItemColumns;
extern const char* const kTenantColumns;

Cluster clusterFromRow(const soci::row& row);
WorkItem workItemFromRow(const soci::row& row);
Tenant tenantFromRow(const soci::row& row);

} // namespace tracker::persistence
