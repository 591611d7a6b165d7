#pragma once

#include "persistence/database.h"
#include "tracker/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace soci
{
class session;
}

namespace tracker::persistence
{

// Each cluster's figures that would otherwise be summed from its tenants and searched for
// among its reports on every read (a million reports, 60,000 tenants at national scale):
// one row per cluster in cluster_summaries, moved by every write in that write's own
// transaction (cluster_writer.cpp and the tenant update call these), so that a list, the
// overview or the map reads 1,200 rows, never the reports. The figures that depend on the
// date (planned %, overdue items, behind) stay computed from the work items at each read.
struct StoredSummary
{
    std::int64_t clusterId = 0;
    int tenantCount = 0;
    SquareMetres leased = 0; // tenants that have not left
    std::optional<std::int64_t> latestReportId;
    std::optional<Date> lastReportDate;
    std::optional<Vnd> disbursed; // the latest report's
    bool operator==(const StoredSummary&) const = default;
};

// The land a tenant occupies: its lease, unless it has left.
inline SquareMetres occupiedBy(const Tenant& tenant)
{
    return tenant.status == TenantStatus::Left ? 0 : tenant.leasedArea;
}

// A new cluster's row: no tenant, no report.
void summaryForNewCluster(soci::session& session, std::int64_t clusterId);
// A report stored: it becomes the latest when its date is after the latest's (or the same
// date and a higher id, as the history orders them). One conditional UPDATE, atomic under
// concurrent reports on both backends.
void summaryAddReport(soci::session& session, std::int64_t clusterId, std::int64_t reportId,
                      const Date& reportDate, Vnd disbursed);
// A tenant added, or changed: its lease counts unless it has left.
void summaryAddTenant(soci::session& session, std::int64_t clusterId, SquareMetres leased);
void summaryChangeLease(soci::session& session, std::int64_t clusterId, SquareMetres delta);

// Every row, by cluster id.
std::vector<StoredSummary> storedSummaries(soci::session& session);
// The same figures summed afresh from the tenants and reports: what the rows must equal.
std::vector<StoredSummary> recomputedSummaries(Database& database);
// Clusters with no row at all: written by something that is not the tracker.
int clustersWithoutSummary(Database& database);
// Repair (tracker --rebuild-summaries): every row recomputed in one transaction.
struct Rebuilt
{
    int rows = 0;
    int differed = 0; // rows that were wrong or missing (or left over) before
};
Rebuilt rebuildSummaries(Database& database);

} // namespace tracker::persistence
