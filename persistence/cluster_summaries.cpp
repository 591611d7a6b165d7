#include "persistence/cluster_summaries.h"

#include "persistence/nullable.h"
#include "persistence/row_values.h"

#include <algorithm>
#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
constexpr const char* kInsertEmpty =
    "INSERT INTO cluster_summaries (cluster_id, tenant_count, leased_m2) VALUES (:c, 0, 0)";
// The report becomes the latest unless the stored latest is later in the history's order.
constexpr const char* kAddReport =
    "UPDATE cluster_summaries SET latest_report_id = :r, last_report_date = :d, "
    "disbursed_vnd = :v WHERE cluster_id = :c AND (last_report_date IS NULL OR "
    "last_report_date < :d2 OR (last_report_date = :d3 AND latest_report_id < :r2))";
constexpr const char* kAddTenant = "UPDATE cluster_summaries SET tenant_count = tenant_count + 1, "
                                   "leased_m2 = leased_m2 + :l WHERE cluster_id = :c";
constexpr const char* kChangeLease =
    "UPDATE cluster_summaries SET leased_m2 = leased_m2 + :l WHERE cluster_id = :c";
constexpr const char* kSelectStored =
    "SELECT cluster_id, tenant_count, leased_m2, latest_report_id, last_report_date, "
    "disbursed_vnd FROM cluster_summaries ORDER BY cluster_id";
// The same as the migration that made the table (0019): every figure from the raw rows.
constexpr const char* kSelectRecomputed =
    "SELECT c.id AS cluster_id, "
    "(SELECT COUNT(*) FROM tenants t WHERE t.cluster_id = c.id) AS tenant_count, "
    "(SELECT COALESCE(SUM(CASE WHEN t.status <> 'left' THEN t.leased_area_m2 ELSE 0 END), 0) "
    "FROM tenants t WHERE t.cluster_id = c.id) AS leased_m2, "
    "r.id AS latest_report_id, r.report_date AS last_report_date, r.disbursed_vnd "
    "FROM clusters c LEFT JOIN progress_reports r ON r.id = (SELECT n.id FROM "
    "progress_reports n WHERE n.cluster_id = c.id ORDER BY n.report_date DESC, n.id DESC "
    "LIMIT 1) ORDER BY c.id";
constexpr const char* kDeleteAll = "DELETE FROM cluster_summaries";
constexpr const char* kCountMissing =
    "SELECT COUNT(*) FROM clusters c WHERE NOT EXISTS "
    "(SELECT 1 FROM cluster_summaries s WHERE s.cluster_id = c.id)";
constexpr const char* kInsertRow =
    "INSERT INTO cluster_summaries (cluster_id, tenant_count, leased_m2, latest_report_id, "
    "last_report_date, disbursed_vnd) VALUES (:c, :t, :l, :r, :d, :v)";

StoredSummary summaryFromRow(const soci::row& row)
{
    StoredSummary s;
    s.clusterId = integer(row, "cluster_id");
    s.tenantCount = static_cast<int>(integer(row, "tenant_count"));
    s.leased = integer(row, "leased_m2");
    s.latestReportId = optionalInteger(row, "latest_report_id");
    s.lastReportDate = optionalDate(row, "last_report_date");
    s.disbursed = optionalInteger(row, "disbursed_vnd");
    return s;
}

std::vector<StoredSummary> rowsOf(soci::session& session, const char* sql)
{
    std::vector<StoredSummary> rows;
    forEachRow(session, sql, {},
               [&](const soci::row& row) { rows.push_back(summaryFromRow(row)); });
    return rows;
}
} // namespace

void summaryForNewCluster(soci::session& session, std::int64_t clusterId)
{
    const long long id = clusterId;
    session << kInsertEmpty, soci::use(id);
}

void summaryAddReport(soci::session& session, std::int64_t clusterId, std::int64_t reportId,
                      const Date& reportDate, Vnd disbursed)
{
    const long long cluster = clusterId, report = reportId, amount = disbursed;
    const std::string day = reportDate.iso();
    session << kAddReport, soci::use(report), soci::use(day), soci::use(amount), soci::use(cluster),
        soci::use(day), soci::use(day), soci::use(report);
}

void summaryAddTenant(soci::session& session, std::int64_t clusterId, SquareMetres leased)
{
    const long long cluster = clusterId, area = leased;
    session << kAddTenant, soci::use(area), soci::use(cluster);
}

void summaryChangeLease(soci::session& session, std::int64_t clusterId, SquareMetres delta)
{
    if (delta == 0)
        return;
    const long long cluster = clusterId, area = delta;
    session << kChangeLease, soci::use(area), soci::use(cluster);
}

std::vector<StoredSummary> storedSummaries(soci::session& session)
{
    return rowsOf(session, kSelectStored);
}

std::vector<StoredSummary> recomputedSummaries(Database& database)
{
    std::vector<StoredSummary> rows;
    database.withSession([&](soci::session& session)
                         { rows = rowsOf(session, kSelectRecomputed); });
    return rows;
}

int clustersWithoutSummary(Database& database)
{
    int missing = 0;
    database.withSession([&](soci::session& session)
                         { session << kCountMissing, soci::into(missing); });
    return missing;
}

Rebuilt rebuildSummaries(Database& database)
{
    Rebuilt rebuilt;
    database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            const auto fresh = rowsOf(session, kSelectRecomputed);
            const auto stored = storedSummaries(session);
            rebuilt = {static_cast<int>(fresh.size()), 0};
            for (const auto& row : fresh)
            {
                const auto at = std::find_if(stored.begin(), stored.end(),
                                             [&](const StoredSummary& s)
                                             { return s.clusterId == row.clusterId; });
                rebuilt.differed += at == stored.end() || !(*at == row);
            }
            if (stored.size() > fresh.size())
                rebuilt.differed += static_cast<int>(stored.size() - fresh.size());
            session << kDeleteAll;
            for (const auto& row : fresh)
            {
                const long long cluster = row.clusterId, leased = row.leased;
                const int tenants = row.tenantCount;
                NullableInteger report(row.latestReportId), amount(row.disbursed);
                NullableText day(row.lastReportDate);
                session << kInsertRow, soci::use(cluster), soci::use(tenants), soci::use(leased),
                    soci::use(report.value, report.indicator), soci::use(day.value, day.indicator),
                    soci::use(amount.value, amount.indicator);
            }
            transaction.commit();
        });
    return rebuilt;
}

} // namespace tracker::persistence
