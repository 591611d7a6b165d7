#include "net/operations/bulk_import.h"

#include "persistence/cluster_repository.h"
#include "persistence/import_writer.h"
#include "persistence/registry_repository.h"
#include "persistence/seed_reader.h"
#include "persistence/tenant_repository.h"
#include "tracker/edit_validation.h"
#include "tracker/enums.h"
#include "tracker/plausibility.h"

#include <algorithm>
#include <map>

namespace tracker::net
{
namespace
{
const std::vector<std::string> kTenantColumns{
    "cluster_code",    "company_name",           "tax_code", "sector", "supporting_industry",
    "leased_area_m2",  "registered_capital_vnd", "jobs",     "status", "lease_start",
    "foreign_invested"};
const std::vector<std::string> kReportColumns{"cluster_code", "date",      "disbursed_vnd",
                                              "note",         "work_item", "percent"};

// A data row by column name; a column the header lacks reads as "".
struct Row
{
    std::size_t number = 0;
    std::map<std::string, std::string> fields;
    std::string get(const std::string& column) const
    {
        const auto found = fields.find(column);
        return found == fields.end() ? std::string() : found->second;
    }
};

// Clusters by code, each loaded once with its work items.
class ClusterCache
{
public:
    explicit ClusterCache(persistence::Database& database) : _repository(database) {}
    const persistence::EditableCluster* find(const std::string& code)
    {
        auto found = _clusters.find(code);
        if (found == _clusters.end())
            found = _clusters.emplace(code, _repository.findCluster(code)).first;
        return found->second ? &*found->second : nullptr;
    }

private:
    persistence::RegistryRepository _repository;
    std::map<std::string, std::optional<persistence::EditableCluster>> _clusters;
};

// The cluster of a row, or the reason it cannot be used.
const persistence::EditableCluster* clusterOf(const Row& row, ClusterCache& clusters,
                                              const ImportRequest& request, ClusterAction action,
                                              ImportOutcome& outcome)
{
    const auto* found = clusters.find(row.get("cluster_code"));
    if (!found)
        outcome.errors.push_back(
            {row.number, "cluster_code", "Không có cụm với mã này.", "No cluster has this code."});
    else if (request.account && !may(*request.account, action, found->cluster))
        outcome.errors.push_back({row.number, "cluster_code",
                                  "Tài khoản này không được sửa cụm này.",
                                  "This account may not change this cluster."});
    else
        return found;
    return nullptr;
}

std::vector<Row> rowsOf(const std::string& csv, const std::vector<std::string>& columns,
                        ImportOutcome& outcome)
{
    std::vector<std::vector<std::string>> table;
    try
    {
        table = persistence::parseCsv(csv);
    }
    catch (const persistence::SeedFileError& error)
    {
        outcome.errors.push_back({0, "", std::string("Tệp CSV không hợp lệ: ") + error.what(),
                                  std::string("The file is not valid CSV: ") + error.what()});
        return {};
    }
    if (table.empty())
    {
        outcome.errors.push_back({1, "", "Tệp trống.", "The file is empty."});
        return {};
    }
    const auto& header = table.front();
    for (const auto& column : columns)
        if (std::find(header.begin(), header.end(), column) == header.end() && column != "note" &&
            column != "sector" && column != "lease_start" && column != "supporting_industry" &&
            column != "jobs" && column != "foreign_invested")
            outcome.errors.push_back(
                {1, column, "Thiếu cột bắt buộc.", "A required column is missing."});
    std::vector<Row> rows;
    for (std::size_t i = 1; i < table.size(); ++i)
    {
        if (table[i].size() == 1 && table[i][0].empty())
            continue; // a blank line
        Row row{i + 1, {}};
        if (table[i].size() != header.size())
            outcome.errors.push_back({row.number, "", "Số cột khác dòng tiêu đề.",
                                      "The row has a different number of fields than the header."});
        for (std::size_t c = 0; c < header.size() && c < table[i].size(); ++c)
            row.fields[header[c]] = table[i][c];
        rows.push_back(std::move(row));
    }
    outcome.rows = rows.size();
    return rows;
}

void addFieldErrors(const FieldErrors& errors, std::size_t rowNumber, ImportOutcome& outcome)
{
    for (const auto& error : errors)
        outcome.errors.push_back({rowNumber, error.field, error.vi, error.en});
}

// What tracker/plausibility.h compares an imported row with: the records on file, and the
// rows of the same file accepted before it. Each cluster's and each tax code's are read once.
class ImportRecord
{
public:
    explicit ImportRecord(persistence::Database& database, Date today)
        : _database(database), _today(today)
    {
    }
    std::vector<ProgressReport>& reportsOf(const std::string& code)
    {
        auto found = _reports.find(code);
        if (found == _reports.end())
        {
            auto detail =
                persistence::ClusterRepository(_database).findDetail(code, kEvery, _today);
            found = _reports.emplace(code, detail ? detail->reports : std::vector<ProgressReport>{})
                        .first;
        }
        return found->second;
    }
    // What the cluster's tenants lease, those on record and the rows accepted so far.
    SquareMetres& leasedIn(const persistence::EditableCluster& cluster)
    {
        auto [at, added] = _leased.try_emplace(cluster.cluster.code, 0);
        if (added)
            at->second = leasedByOthers(Tenant{}, cluster.tenants);
        return at->second;
    }
    // Every tenant on record is read once, by MST: one query, not one a row.
    std::vector<Tenant>& withTaxCode(const std::string& taxCode)
    {
        if (!_taxCodesRead)
        {
            for (auto& tenant : persistence::TenantRepository(_database).everyTenant())
                _taxCodes[tenant.taxCode].push_back(std::move(tenant));
            _taxCodesRead = true;
        }
        return _taxCodes[taxCode];
    }

private:
    static constexpr int kEvery = 100000;
    persistence::Database& _database;
    Date _today;
    std::map<std::string, std::vector<ProgressReport>> _reports;
    std::map<std::string, SquareMetres> _leased;
    std::map<std::string, std::vector<Tenant>> _taxCodes;
    bool _taxCodesRead = false;
};

std::vector<Tenant> checkTenants(const std::vector<Row>& rows, ClusterCache& clusters,
                                 ImportRecord& record, const ImportRequest& request,
                                 ImportOutcome& outcome)
{
    std::vector<Tenant> tenants;
    for (std::size_t i = 0; i < rows.size(); ++i)
    {
        const auto& row = rows[i];
        const auto* cluster =
            clusterOf(row, clusters, request, ClusterAction::EditTenants, outcome);
        const TenantDraft draft{row.get("company_name"),   row.get("tax_code"),
                                row.get("sector"),         row.get("supporting_industry"),
                                row.get("leased_area_m2"), row.get("registered_capital_vnd"),
                                row.get("jobs"),           row.get("status"),
                                row.get("lease_start"),    row.get("foreign_invested")};
        auto checked = validateTenant(draft, request.today);
        if (const auto* errors = std::get_if<FieldErrors>(&checked))
            addFieldErrors(*errors, row.number, outcome);
        else if (cluster)
        {
            auto tenant = std::get<Tenant>(std::move(checked));
            tenant.clusterId = cluster->cluster.id;
            auto& leased = record.leasedIn(*cluster);
            auto& sameTaxCode = record.withTaxCode(tenant.taxCode);
            const auto doubts = tenantDoubts(tenant, cluster->cluster, leased, sameTaxCode);
            const auto confirmation = confirmationOf(row.get("confirm"), row.get("confirm_reason"));
            if (const auto unconfirmed = unconfirmedDoubts(doubts, confirmation);
                !unconfirmed.empty())
                addFieldErrors(unconfirmed, row.number, outcome);
            else
            {
                tenant.confirmedDoubts = confirmedDoubtText(doubts, confirmation);
                if (tenant.status != TenantStatus::Left)
                    leased += tenant.leasedArea;
                tenant.id = -static_cast<std::int64_t>(row.number); // not stored yet: no id
                sameTaxCode.push_back(tenant);
                tenants.push_back(std::move(tenant));
                tenants.back().id = 0;
            }
        }
        if (request.progress && (i + 1) % 1000 == 0)
            request.progress("checked", i + 1, rows.size());
    }
    return tenants;
}

// A work item named by its id or by its kind's code ("drainage").
std::string workItemId(const persistence::EditableCluster& cluster, const std::string& named)
{
    for (const auto& item : cluster.items)
        if (std::to_string(item.id) == named || code(item.kind) == named)
            return std::to_string(item.id);
    return named;
}

struct ReportGroup
{
    const persistence::EditableCluster* cluster = nullptr;
    ReportDraft draft;
    std::vector<std::size_t> lineRows; // the row of each line
    std::size_t firstRow = 0;
};

// The CSV's rows grouped into reports: one per cluster and date, in the file's order.
struct ReportGroups
{
    std::map<std::pair<std::string, std::string>, ReportGroup> groups;
    std::vector<std::pair<std::string, std::string>> order;
};

void addRow(ReportGroups& all, const Row& row, const persistence::EditableCluster* cluster,
            ImportOutcome& outcome)
{
    const auto key = std::make_pair(row.get("cluster_code"), row.get("date"));
    auto [entry, isNew] = all.groups.try_emplace(key);
    auto& group = entry->second;
    if (isNew)
    {
        all.order.push_back(key);
        group = {cluster,
                 {row.get("date"),
                  {},
                  row.get("disbursed_vnd"),
                  row.get("note"),
                  row.get("confirm"),
                  row.get("confirm_reason")},
                 {},
                 row.number};
    }
    else if (row.get("disbursed_vnd") != group.draft.disbursed)
        outcome.errors.push_back(
            {row.number, "disbursed_vnd",
             "Khác số giải ngân ở dòng " + std::to_string(group.firstRow) + " của cùng báo cáo.",
             "Differs from row " + std::to_string(group.firstRow) + " of the same report."});
    if (!row.get("work_item").empty() || !row.get("percent").empty())
    {
        group.draft.lines.push_back(
            {workItemId(*cluster, row.get("work_item")), row.get("percent")});
        group.lineRows.push_back(row.number);
    }
}

// A report's errors, each placed on the CSV row and column it came from.
void addReportErrors(const FieldErrors& errors, const ReportGroup& group, ImportOutcome& outcome)
{
    for (const auto& error : errors)
    {
        std::size_t row = group.firstRow;
        std::string column = error.field;
        if (error.field.rfind("items[", 0) == 0)
        {
            const auto index = std::stoul(error.field.substr(6));
            row = index < group.lineRows.size() ? group.lineRows[index] : row;
            column = error.field.substr(error.field.find("].") + 2);
        }
        outcome.errors.push_back({row, column, error.vi, error.en});
    }
}

std::vector<ProgressReport> checkReports(const std::vector<Row>& rows, ClusterCache& clusters,
                                         ImportRecord& record, const ImportRequest& request,
                                         ImportOutcome& outcome)
{
    ReportGroups all;
    for (const auto& row : rows)
        if (const auto* cluster =
                clusterOf(row, clusters, request, ClusterAction::SubmitReport, outcome))
            addRow(all, row, cluster, outcome);
    std::vector<ProgressReport> reports;
    std::size_t checked = 0;
    for (const auto& key : all.order)
    {
        const auto& group = all.groups.at(key);
        auto result = validateReport(group.draft, group.cluster->cluster, group.cluster->items,
                                     request.today);
        if (const auto* errors = std::get_if<FieldErrors>(&result))
            addReportErrors(*errors, group, outcome);
        else
        {
            auto report = std::get<ProgressReport>(std::move(result));
            auto& onRecord = record.reportsOf(group.cluster->cluster.code);
            const auto doubts =
                reportDoubts(report, group.cluster->cluster, group.cluster->items, onRecord);
            const auto confirmation =
                confirmationOf(group.draft.confirm, group.draft.confirmReason);
            if (const auto unconfirmed = unconfirmedDoubts(doubts, confirmation);
                !unconfirmed.empty())
                addReportErrors(unconfirmed, group, outcome);
            else
            {
                report.confirmedDoubts = confirmedDoubtText(doubts, confirmation);
                report.author = request.audit.actor;
                onRecord.push_back(report);
                reports.push_back(std::move(report));
            }
        }
        if (request.progress && ++checked % 1000 == 0)
            request.progress("checked", checked, all.order.size());
    }
    return reports;
}
} // namespace

std::optional<ImportKind> importKindFromCode(const std::string& code)
{
    if (code == "tenants")
        return ImportKind::Tenants;
    if (code == "reports")
        return ImportKind::Reports;
    return std::nullopt;
}

ImportOutcome importCsv(persistence::Database& database, const ImportRequest& request)
{
    ImportOutcome outcome;
    const bool tenants = request.kind == ImportKind::Tenants;
    const auto rows = rowsOf(request.csv, tenants ? kTenantColumns : kReportColumns, outcome);
    if (!outcome.errors.empty())
        return outcome;
    ClusterCache clusters(database);
    ImportRecord record(database, request.today);
    std::vector<Tenant> newTenants;
    std::vector<ProgressReport> newReports;
    if (tenants)
        newTenants = checkTenants(rows, clusters, record, request, outcome);
    else
        newReports = checkReports(rows, clusters, record, request, outcome);
    std::sort(outcome.errors.begin(), outcome.errors.end(),
              [](const RowError& a, const RowError& b) { return a.row < b.row; });
    outcome.records = tenants ? newTenants.size() : newReports.size();
    if (request.dryRun || !outcome.errors.empty())
        return outcome;
    const std::size_t total = outcome.records;
    persistence::ImportWriter(database).importRecords(
        newTenants, newReports, request.audit,
        [&](std::size_t written)
        {
            if (request.progress)
                request.progress("written", written, total);
        },
        request.jobId);
    outcome.written = true;
    return outcome;
}

} // namespace tracker::net
