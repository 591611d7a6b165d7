#include "persistence/report_repository.h"

#include "persistence/cluster_writer.h"
#include "persistence/row_values.h"
#include "tracker/audit.h"

#include <functional>
#include <set>
#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
constexpr const char* kLatestDisbursed = "SELECT disbursed_vnd FROM progress_reports "
                                         "WHERE cluster_id = :c ORDER BY report_date DESC, id DESC";
// Reports with their lines, newest first: a report's lines come together (ordered by id).
constexpr const char* kReportsAfter =
    "SELECT r.id, r.report_date, r.disbursed_vnd, l.work_item_id, l.percent FROM "
    "progress_reports r LEFT JOIN report_lines l ON l.report_id = r.id WHERE r.cluster_id = :c "
    "AND r.report_date > :d ORDER BY r.report_date DESC, r.id DESC";
constexpr const char* kReportsBefore =
    "SELECT r.id, r.report_date, r.disbursed_vnd, l.work_item_id, l.percent FROM "
    "progress_reports r LEFT JOIN report_lines l ON l.report_id = r.id WHERE r.cluster_id = :c "
    "AND r.report_date < :d ORDER BY r.report_date DESC, r.id DESC";

// Calls `each` with every report (lines included) the query gives, newest first, until it
// returns false.
void eachReport(soci::session& session, const char* sql, std::int64_t clusterId, const Date& date,
                const std::function<bool(const ProgressReport&)>& each)
{
    const long long cluster = clusterId;
    const std::string day = date.iso();
    soci::rowset<soci::row> rows = (session.prepare << sql, soci::use(cluster), soci::use(day));
    std::optional<ProgressReport> current;
    for (const auto& row : rows)
    {
        const auto id = integer(row, "id");
        if (current && current->id != id)
        {
            if (!each(*current))
                return;
            current.reset();
        }
        if (!current)
        {
            current.emplace();
            current->id = id;
            current->clusterId = clusterId;
            current->date = tracker::persistence::date(row, "report_date");
            current->disbursedToDate = integer(row, "disbursed_vnd");
        }
        if (const auto item = optionalInteger(row, "work_item_id"))
            current->lines.push_back(
                {*item, static_cast<int>(optionalInteger(row, "percent").value_or(0))});
    }
    if (current)
        each(*current);
}
} // namespace

std::vector<ProgressReport> ReportRepository::reportsAround(std::int64_t clusterId,
                                                            const Date& date,
                                                            const std::vector<std::int64_t>& items)
{
    std::vector<ProgressReport> reports;
    _database.withSession(
        [&](soci::session& session)
        {
            reports.clear();
            eachReport(session, kReportsAfter, clusterId, date,
                       [&](const ProgressReport& r)
                       {
                           reports.push_back(r);
                           return true;
                       });
            std::set<std::int64_t> wanted(items.begin(), items.end());
            bool latest = true;
            eachReport(session, kReportsBefore, clusterId, date,
                       [&](const ProgressReport& r)
                       {
                           bool needed = latest;
                           latest = false;
                           for (const auto& line : r.lines)
                               needed |= wanted.erase(line.workItemId) > 0;
                           if (needed)
                               reports.push_back(r);
                           return !wanted.empty();
                       });
        });
    return reports;
}

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
