#pragma once

#include "tracker/model.h"

#include <cstdint>

namespace soci
{
class session;
}

namespace tracker::persistence
{

// Inserts inside the caller's transaction; each returns the new row's id.
std::int64_t insertCluster(soci::session& session, const Cluster& cluster);
std::int64_t insertWorkItem(soci::session& session, const WorkItem& item);
std::int64_t insertProgressReport(soci::session& session, const ProgressReport& report);
std::int64_t insertTenant(soci::session& session, const Tenant& tenant);
// Moves each reported work item's percentage to what the newest report (by date) naming it
// says: a report filed late for an earlier date leaves the current figure alone.
void applyReportLines(soci::session& session, const ProgressReport& report);
void insertReportedTotals(soci::session& session, const ReportedTotals& totals);

} // namespace tracker::persistence
