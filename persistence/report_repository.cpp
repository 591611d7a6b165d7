#include "persistence/report_repository.h"

#include "persistence/cluster_writer.h"
#include "persistence/row_values.h"
#include "tracker/audit.h"

#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
constexpr const char* kLatestDisbursed = "SELECT disbursed_vnd FROM progress_reports "
                                         "WHERE cluster_id = :c ORDER BY report_date DESC, id DESC";
} // namespace

std::optional<Vnd> ReportRepository::latestDisbursed(std::int64_t clusterId)
{
    std::optional<Vnd> found;
    _database.withSession(
        [&](soci::session& session)
        {
            forEachRow(
                session, kLatestDisbursed, {std::to_string(clusterId)},
                [&](const soci::row& row) { found = integer(row, "disbursed_vnd"); }, 1);
        });
    return found;
}

std::int64_t ReportRepository::submitReport(const ProgressReport& report,
                                            const AuditContext& context,
                                            const std::optional<RequestKey>& key)
{
    return writeOnce(_database, key, "progress_report", context.at,
                     [&](soci::session& session)
                     {
                         const auto id = insertProgressReport(session, report);
                         applyReportLines(session, report);
                         appendAudit(session, context, "progress_report", id, "create",
                                     toJson(creationOf(report)), report.clusterId);
                         return id;
                     });
}

} // namespace tracker::persistence
