#include "persistence/cluster_writer.h"

#include "persistence/cluster_summaries.h"
#include "persistence/nullable.h"
#include "tracker/enums.h"

#include <soci/soci.h>
#include <stdexcept>

namespace tracker::persistence
{
namespace
{
constexpr const char* kInsertCluster =
    "INSERT INTO clusters (code, name_vi, district, commune, total_area_m2, industrial_area_m2, "
    "planned_investment_vnd, developer, decision_number, decision_date, status, status_provenance, "
    "planned_start, planned_finish, latitude_microdeg, longitude_microdeg, source_url, "
    "source_notes, provenance, unit_codes, unit_basis, unit_source, unit_note, cohort) VALUES "
    "(:code, :name, :district, :commune, :total, :industrial, :investment, :developer, "
    ":decision_number, :decision_date, :status, :status_provenance, :start, :finish, :lat, :lon, "
    ":source_url, :source_notes, :provenance, :unit_codes, :unit_basis, :unit_source, "
    ":unit_note, :cohort)";
constexpr const char* kInsertWorkItem =
    "INSERT INTO work_items (cluster_id, kind, planned_start, planned_finish, budget_vnd, "
    "percent_done, provenance) VALUES (:cluster, :kind, :start, :finish, :budget, :percent, "
    ":provenance)";
constexpr const char* kInsertProgressReport =
    "INSERT INTO progress_reports (cluster_id, report_date, disbursed_vnd, note, author, "
    "provenance, confirmed_doubts) VALUES (:cluster, :day, :disbursed, :note, :author, "
    ":provenance, :doubts)";
constexpr const char* kInsertReportLine =
    "INSERT INTO report_lines (report_id, work_item_id, percent) VALUES (:report, :item, :percent)";
constexpr const char* kInsertTenant =
    "INSERT INTO tenants (cluster_id, company_name, tax_code, sector, supporting_industry, "
    "leased_area_m2, registered_capital_vnd, jobs, status, lease_start, provenance, "
    "foreign_invested, confirmed_doubts) VALUES (:cluster, :name, :tax, :sector, :supporting, "
    ":leased, :capital, :jobs, :status, :lease_start, :provenance, :foreign, :doubts)";
constexpr const char* kInsertReportedTotal =
    "INSERT INTO reported_totals (year, cluster_count, area_m2, investment_vnd, qualifier, source) "
    "VALUES (:year, :count, :area, :investment, :qualifier, :source)";
constexpr const char* kUpdateWorkItemPercentDone =
    "UPDATE work_items SET percent_done = :p, version = version + 1 WHERE id = :i";
// An item's share done is what the newest report that names it says, by report date (then
// by id): a report filed late for an earlier date takes its place in the history and
// leaves today's figure alone. The newest first, through the (cluster, date) index and
// report_lines' primary key, so that a report for today costs one probe.
constexpr const char* kNewestPercentOfItem =
    "SELECT rl.percent FROM progress_reports r JOIN report_lines rl ON rl.report_id = r.id AND "
    "rl.work_item_id = :i WHERE r.cluster_id = :c ORDER BY r.report_date DESC, r.id DESC LIMIT 1";

std::int64_t lastId(soci::session& session, const char* table)
{
    long long id = 0;
    if (!session.get_last_insert_id(table, id))
        throw std::runtime_error(std::string("no id for the new row of ") + table);
    return id;
}
} // namespace

std::int64_t insertCluster(soci::session& session, const Cluster& c)
{
    NullableText commune(c.commune), developer(c.developer), decisionNumber(c.decisionNumber),
        decisionDate(c.decisionDate), start(c.plannedStart), finish(c.plannedFinish),
        sourceUrl(c.sourceUrl), sourceNotes(c.sourceNotes);
    NullableInteger total(c.totalArea), industrial(c.industrialArea),
        investment(c.plannedInvestment), lat(c.latitudeMicrodegrees), lon(c.longitudeMicrodegrees);
    const std::string status(code(c.status)), statusProvenance(code(c.statusProvenance)),
        provenance(code(c.provenance)), unitCodes = formatPlacedUnits(c.units),
                                        unitBasis(code(c.unitBasis));
    NullableText unitSource(c.unitSource), unitNote(c.unitNote);
    session << kInsertCluster, soci::use(c.code), soci::use(c.nameVi), soci::use(c.district),
        soci::use(commune.value, commune.indicator), soci::use(total.value, total.indicator),
        soci::use(industrial.value, industrial.indicator),
        soci::use(investment.value, investment.indicator),
        soci::use(developer.value, developer.indicator),
        soci::use(decisionNumber.value, decisionNumber.indicator),
        soci::use(decisionDate.value, decisionDate.indicator), soci::use(status),
        soci::use(statusProvenance), soci::use(start.value, start.indicator),
        soci::use(finish.value, finish.indicator), soci::use(lat.value, lat.indicator),
        soci::use(lon.value, lon.indicator), soci::use(sourceUrl.value, sourceUrl.indicator),
        soci::use(sourceNotes.value, sourceNotes.indicator), soci::use(provenance),
        soci::use(unitCodes), soci::use(unitBasis),
        soci::use(unitSource.value, unitSource.indicator),
        soci::use(unitNote.value, unitNote.indicator), soci::use(c.cohort);
    const auto id = lastId(session, "clusters");
    summaryForNewCluster(session, id);
    return id;
}

std::int64_t insertWorkItem(soci::session& session, const WorkItem& w)
{
    const long long clusterId = w.clusterId, budget = w.budget;
    const std::string kind(code(w.kind)), start = w.plannedStart.iso(),
                                          finish = w.plannedFinish.iso(),
                                          provenance(code(w.provenance));
    session << kInsertWorkItem, soci::use(clusterId), soci::use(kind), soci::use(start),
        soci::use(finish), soci::use(budget), soci::use(w.percentDone), soci::use(provenance);
    return lastId(session, "work_items");
}

std::int64_t insertProgressReport(soci::session& session, const ProgressReport& r)
{
    const long long clusterId = r.clusterId, disbursed = r.disbursedToDate;
    const std::string day = r.date.iso(), provenance(code(r.provenance));
    NullableText note(r.note), doubts(r.confirmedDoubts);
    session << kInsertProgressReport, soci::use(clusterId), soci::use(day), soci::use(disbursed),
        soci::use(note.value, note.indicator), soci::use(r.author), soci::use(provenance),
        soci::use(doubts.value, doubts.indicator);
    const long long reportId = lastId(session, "progress_reports");
    for (const auto& line : r.lines)
    {
        const long long itemId = line.workItemId;
        session << kInsertReportLine, soci::use(reportId), soci::use(itemId),
            soci::use(line.percent);
    }
    summaryAddReport(session, r.clusterId, reportId, r.date, r.disbursedToDate);
    return reportId;
}

std::int64_t insertTenant(soci::session& session, const Tenant& t)
{
    const long long clusterId = t.clusterId, leased = t.leasedArea, capital = t.registeredCapital;
    const int supporting = t.supportingIndustry ? 1 : 0, foreign = t.foreignInvested ? 1 : 0;
    const std::string status(code(t.status)), provenance(code(t.provenance));
    NullableText sector(t.sector), leaseStart(t.leaseStart), doubts(t.confirmedDoubts);
    session << kInsertTenant, soci::use(clusterId), soci::use(t.companyName), soci::use(t.taxCode),
        soci::use(sector.value, sector.indicator), soci::use(supporting), soci::use(leased),
        soci::use(capital), soci::use(t.jobs), soci::use(status),
        soci::use(leaseStart.value, leaseStart.indicator), soci::use(provenance),
        soci::use(foreign), soci::use(doubts.value, doubts.indicator);
    const auto id = lastId(session, "tenants");
    summaryAddTenant(session, t.clusterId, occupiedBy(t));
    return id;
}

void insertReportedTotals(soci::session& session, const ReportedTotals& totals)
{
    const long long area = totals.area, investment = totals.investment;
    session << kInsertReportedTotal, soci::use(totals.year), soci::use(totals.clusterCount),
        soci::use(area), soci::use(investment), soci::use(totals.qualifier),
        soci::use(totals.source);
}

void applyReportLines(soci::session& session, const ProgressReport& report)
{
    for (const auto& line : report.lines)
    {
        long long itemId = line.workItemId, clusterId = report.clusterId;
        int newest = line.percent;
        session << kNewestPercentOfItem, soci::use(itemId), soci::use(clusterId),
            soci::into(newest);
        session << kUpdateWorkItemPercentDone, soci::use(newest), soci::use(itemId);
    }
}

} // namespace tracker::persistence
