#include "persistence/cluster_repository.h"

#include "persistence/baseline_repository.h"
#include "persistence/cluster_rows.h"
#include "persistence/row_values.h"
#include "tracker/delay_rules.h"
#include "tracker/enums.h"

#include <algorithm>
#include <map>
#include <soci/soci.h>
#include <unordered_map>

namespace tracker::persistence
{
namespace
{
constexpr const char* kSelectProgressReportsByClusterId =
    "SELECT id, report_date, disbursed_vnd, note, author, provenance, "
    "confirmed_doubts FROM progress_reports WHERE cluster_id = :c ORDER BY report_date DESC, "
    "id DESC LIMIT :n";
constexpr const char* kSelectReportLinesByReportId =
    "SELECT work_item_id, percent FROM report_lines WHERE report_id = :r ORDER BY work_item_id";
// The lines of a cluster's reports from the newest down to (and including) the report with
// date :d and id :i, in one query: a page's S-curves read every report. Unordered: sorting a
// national cluster's 7,500 lines in a temporary B-tree took 3.5 of the 5 ms this query cost;
// each report's nine or so lines are put in order in memory instead.
constexpr const char* kSelectReportLinesOfClusterSince =
    "SELECT l.report_id, l.work_item_id, l.percent FROM report_lines l JOIN progress_reports r "
    "ON r.id = l.report_id WHERE r.cluster_id = :c AND (r.report_date > :d OR "
    "(r.report_date = :d2 AND r.id >= :i))";
// Past this many reports their lines come in one query rather than one query each.
constexpr std::size_t kLinesInOneQuery = 16;
// The tenants' figures and the latest report, as every write keeps them
// (persistence/cluster_summaries.h): never summed or searched for on a read.
constexpr const char* kSelectSummaries =
    "SELECT cluster_id, tenant_count, leased_m2, last_report_date, disbursed_vnd "
    "FROM cluster_summaries";
constexpr const char* kSelectSummaryOfCluster =
    "SELECT cluster_id, tenant_count, leased_m2, last_report_date, disbursed_vnd "
    "FROM cluster_summaries WHERE cluster_id = :c";
constexpr const char* kSelectClusterCodes = "SELECT code FROM clusters ORDER BY id";
constexpr const char* kSelectReportedTotals =
    "SELECT year, cluster_count, area_m2, investment_vnd, qualifier, source FROM reported_totals "
    "ORDER BY year, id";
constexpr const char* kSelectTenantNames =
    "SELECT cluster_id, company_name FROM tenants ORDER BY id";
constexpr const char* kCountClusters = "SELECT COUNT(*) FROM clusters";

std::string select(const char* columns, const std::string& rest)
{
    return std::string("SELECT ") + columns + " " + rest;
}

void addFigures(ClusterSummary& summary, const std::vector<WorkItem>& items,
                const std::vector<Tenant>& tenants, const Date& asOf)
{
    summary.progressPercent = weightedProgressPercent(items);
    summary.plannedPercent = plannedProgressPercent(items, asOf);
    summary.overdueItems = overdueItemCount(items, asOf);
    summary.leased = leasedArea(tenants);
    summary.tenantCount = static_cast<int>(tenants.size());
}

// One cluster_summaries row: the tenants' count and lease, the latest report's date and sum.
void addStoredFigures(ClusterSummary& summary, const soci::row& row)
{
    summary.tenantCount = static_cast<int>(integer(row, "tenant_count"));
    summary.leased = integer(row, "leased_m2");
    summary.lastReportDate = optionalDate(row, "last_report_date");
    summary.disbursed = optionalInteger(row, "disbursed_vnd");
}

// Once the latest report's disbursement is known: the SPI half of the rule needs it.
void markBehind(ClusterDetail& detail, const Date& asOf)
{
    detail.summary.behindSchedule =
        isBehindSchedule(detail.items, detail.summary.disbursed, asOf, delayThresholds());
}

// One cluster's registry row and its work items: what its page and its summary start from.
std::optional<ClusterDetail> clusterWithItems(soci::session& session, const std::string& code)
{
    std::optional<ClusterDetail> detail;
    soci::rowset<soci::row> clusterRows =
        (session.prepare << select(kClusterColumns, "FROM clusters WHERE code = :code"),
         soci::use(code));
    for (const auto& row : clusterRows)
    {
        detail.emplace();
        detail->summary.cluster = clusterFromRow(row);
    }
    if (!detail)
        return detail;
    long long id = detail->summary.cluster.id;
    soci::rowset<soci::row> itemRows =
        (session.prepare << select(kWorkItemColumns,
                                   "FROM work_items WHERE cluster_id = :c ORDER BY id"),
         soci::use(id));
    for (const auto& row : itemRows)
        detail->items.push_back(workItemFromRow(row));
    return detail;
}

std::vector<ProgressReport> loadReports(soci::session& session, long long clusterId, int limit)
{
    std::vector<ProgressReport> reports;
    // In columns, a few hundred rows at a time, like the lines below: a national cluster has
    // some 833 reports, and looking each column up by name was a good part of its page.
    constexpr std::size_t kBatch = 500;
    std::vector<long long> ids(kBatch), disbursed(kBatch);
    std::vector<std::string> dates(kBatch), notes(kBatch), authors(kBatch), provenances(kBatch),
        doubts(kBatch);
    std::vector<soci::indicator> noteSet(kBatch), doubtSet(kBatch);
    soci::statement rows =
        (session.prepare << kSelectProgressReportsByClusterId, soci::use(clusterId),
         soci::use(limit), soci::into(ids), soci::into(dates), soci::into(disbursed),
         soci::into(notes, noteSet), soci::into(authors), soci::into(provenances),
         soci::into(doubts, doubtSet));
    rows.execute();
    while (rows.fetch())
    {
        for (std::size_t i = 0; i < ids.size(); ++i)
        {
            ProgressReport r;
            r.id = ids[i];
            r.clusterId = clusterId;
            r.date = Date::parseIso(dates[i].substr(0, 10)).value_or(Date{});
            r.disbursedToDate = disbursed[i];
            r.note = noteSet[i] == soci::i_ok ? notes[i] : std::string();
            r.author = authors[i];
            r.provenance = provenanceFromCode(provenances[i]).value_or(Provenance::Sourced);
            r.confirmedDoubts = doubtSet[i] == soci::i_ok ? doubts[i] : std::string();
            reports.push_back(std::move(r));
        }
        for (auto* column : {&ids, &disbursed})
            column->resize(kBatch);
        for (auto* column : {&dates, &notes, &authors, &provenances, &doubts})
            column->resize(kBatch);
        noteSet.resize(kBatch);
        doubtSet.resize(kBatch);
    }
    if (reports.size() > kLinesInOneQuery)
    {
        std::unordered_map<long long, ProgressReport*> byId;
        byId.reserve(reports.size());
        for (auto& report : reports)
            byId[report.id] = &report;
        const std::string oldest = reports.back().date.iso();
        long long oldestId = reports.back().id;
        // Fetched into columns a thousand rows at a time: a national cluster's 7,500 lines
        // read row by row, each column looked up by name, were most of its page's cost.
        constexpr std::size_t kBatch = 1000;
        std::vector<long long> reportIds(kBatch), itemIds(kBatch);
        std::vector<int> percents(kBatch);
        soci::statement lines =
            (session.prepare << kSelectReportLinesOfClusterSince, soci::use(clusterId),
             soci::use(oldest), soci::use(oldest), soci::use(oldestId), soci::into(reportIds),
             soci::into(itemIds), soci::into(percents));
        lines.execute();
        while (lines.fetch())
        {
            for (std::size_t i = 0; i < reportIds.size(); ++i)
                if (const auto found = byId.find(reportIds[i]); found != byId.end())
                    found->second->lines.push_back({itemIds[i], percents[i]});
            reportIds.resize(kBatch);
            itemIds.resize(kBatch);
            percents.resize(kBatch);
        }
        for (auto& report : reports)
            std::sort(report.lines.begin(), report.lines.end(),
                      [](const ReportLine& a, const ReportLine& b)
                      { return a.workItemId < b.workItemId; });
        return reports;
    }
    for (auto& report : reports)
    {
        long long reportId = report.id;
        soci::rowset<soci::row> lines =
            (session.prepare << kSelectReportLinesByReportId, soci::use(reportId));
        for (const auto& line : lines)
            report.lines.push_back(
                {integer(line, "work_item_id"), static_cast<int>(integer(line, "percent"))});
    }
    return reports;
}
} // namespace

std::vector<ClusterDetail> ClusterRepository::loadAll(soci::session& session, const Date& asOf,
                                                      int recentReports)
{
    std::vector<ClusterDetail> details;
    std::map<long long, std::vector<WorkItem>> items;
    soci::rowset<soci::row> itemRows = session.prepare
                                       << select(kWorkItemColumns, "FROM work_items ORDER BY id");
    for (const auto& row : itemRows)
        items[integer(row, "cluster_id")].push_back(workItemFromRow(row));
    std::map<long long, ClusterSummary> stored;
    soci::rowset<soci::row> summaryRows = session.prepare << kSelectSummaries;
    for (const auto& row : summaryRows)
        addStoredFigures(stored[integer(row, "cluster_id")], row);
    soci::rowset<soci::row> clusterRows = session.prepare
                                          << select(kClusterColumns, "FROM clusters ORDER BY id");
    for (const auto& row : clusterRows)
    {
        ClusterDetail detail;
        detail.summary.cluster = clusterFromRow(row);
        const long long id = detail.summary.cluster.id;
        detail.items = std::move(items[id]);
        addFigures(detail.summary, detail.items, {}, asOf);
        if (const auto figures = stored.find(id); figures != stored.end())
        {
            detail.summary.tenantCount = figures->second.tenantCount;
            detail.summary.leased = figures->second.leased;
            detail.summary.lastReportDate = figures->second.lastReportDate;
            detail.summary.disbursed = figures->second.disbursed;
        }
        markBehind(detail, asOf);
        details.push_back(std::move(detail));
    }
    if (recentReports > 0)
    {
        for (auto& detail : details)
            detail.reports = loadReports(session, detail.summary.cluster.id, recentReports);
    }
    return details;
}

std::vector<ClusterSummary> ClusterRepository::listSummaries(const Date& asOf)
{
    std::vector<ClusterSummary> summaries;
    _database.withSession(
        [&](soci::session& session)
        {
            summaries.clear();
            for (auto& detail : loadAll(session, asOf, 0))
                summaries.push_back(std::move(detail.summary));
        });
    return summaries;
}

std::vector<ClusterDetail> ClusterRepository::allSummaryInputs()
{
    std::vector<ClusterDetail> details;
    _database.withSession([&](soci::session& session) { details = loadAll(session, Date{}, 0); });
    return details;
}

std::optional<ClusterDetail> ClusterRepository::summaryInputs(const std::string& code)
{
    std::optional<ClusterDetail> detail;
    _database.withSession(
        [&](soci::session& session)
        {
            detail = clusterWithItems(session, code);
            if (!detail)
                return;
            long long id = detail->summary.cluster.id;
            soci::rowset<soci::row> rows =
                (session.prepare << kSelectSummaryOfCluster, soci::use(id));
            for (const auto& row : rows)
                addStoredFigures(detail->summary, row);
        });
    return detail;
}

std::vector<ClusterDetail> ClusterRepository::listForScan(const Date& asOf, int recentReports)
{
    std::vector<ClusterDetail> details;
    _database.withSession([&](soci::session& session)
                          { details = loadAll(session, asOf, recentReports); });
    return details;
}

std::optional<ClusterDetail> ClusterRepository::findDetail(const std::string& code, int reportLimit,
                                                           const Date& asOf)
{
    std::optional<ClusterDetail> detail;
    _database.withSession(
        [&](soci::session& session)
        {
            detail = clusterWithItems(session, code);
            if (!detail)
                return;
            long long id = detail->summary.cluster.id;
            soci::rowset<soci::row> tenantRows =
                (session.prepare << select(kTenantColumns,
                                           "FROM tenants WHERE cluster_id = :c ORDER BY id"),
                 soci::use(id));
            for (const auto& row : tenantRows)
                detail->tenants.push_back(tenantFromRow(row));
            detail->reports = loadReports(session, id, reportLimit);
            addFigures(detail->summary, detail->items, detail->tenants, asOf);
            if (!detail->reports.empty())
            {
                detail->summary.lastReportDate = detail->reports.front().date;
                detail->summary.disbursed = detail->reports.front().disbursedToDate;
            }
            detail->plan = planBasisOf(session, id, detail->items);
            markBehind(*detail, asOf);
        });
    return detail;
}

std::vector<std::string> ClusterRepository::clusterCodes()
{
    std::vector<std::string> codes;
    _database.withSession(
        [&](soci::session& session)
        {
            codes.clear();
            soci::rowset<std::string> rows = session.prepare << kSelectClusterCodes;
            codes.assign(rows.begin(), rows.end());
        });
    return codes;
}

std::vector<ClusterDetail> ClusterRepository::listDetails(int reportLimit, const Date& asOf)
{
    std::vector<ClusterDetail> details;
    for (const auto& code : clusterCodes())
    {
        if (auto detail = findDetail(code, reportLimit, asOf))
            details.push_back(std::move(*detail));
    }
    return details;
}

std::vector<ReportedTotals> ClusterRepository::reportedTotals()
{
    std::vector<ReportedTotals> totals;
    _database.withSession(
        [&](soci::session& session)
        {
            totals.clear();
            soci::rowset<soci::row> rows = session.prepare << kSelectReportedTotals;
            for (const auto& row : rows)
                totals.push_back({static_cast<int>(integer(row, "year")),
                                  static_cast<int>(integer(row, "cluster_count")),
                                  integer(row, "area_m2"), integer(row, "investment_vnd"),
                                  text(row, "qualifier"), text(row, "source")});
        });
    return totals;
}

std::map<std::int64_t, std::string> ClusterRepository::tenantNamesByCluster()
{
    std::map<std::int64_t, std::string> names;
    _database.withSession(
        [&](soci::session& session)
        {
            names.clear();
            soci::rowset<soci::row> rows = session.prepare << kSelectTenantNames;
            for (const auto& row : rows)
                names[integer(row, "cluster_id")] += text(row, "company_name") + " ";
        });
    return names;
}

int ClusterRepository::count()
{
    int n = 0;
    _database.withSession(
        [&](soci::session& session)
        {
            long long counted = 0;
            session << kCountClusters, soci::into(counted);
            n = static_cast<int>(counted);
        });
    return n;
}

} // namespace tracker::persistence
