#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"
#include "tracker/date.h"
#include "tracker/roles.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tracker::net
{

enum class ImportKind
{
    Tenants,
    Reports
};

std::optional<ImportKind> importKindFromCode(const std::string& code);

// One problem in the file: its row (the header is row 1), column and message.
struct RowError
{
    std::size_t row = 0;
    std::string column;
    std::string vi;
    std::string en;
};

struct ImportOutcome
{
    std::size_t rows = 0;    // data rows read
    std::size_t records = 0; // tenants, or reports (rows of one cluster and date make one)
    std::vector<RowError> errors;
    bool written = false;
};

struct ImportRequest
{
    ImportKind kind = ImportKind::Tenants;
    std::string csv; // the file's bytes, UTF-8 with or without BOM
    bool dryRun = true;
    std::optional<Account> account; // checked row by row; none: the operator (command line)
    persistence::AuditContext audit;
    Date today;
    // Hears each phase with how far it is, e.g. ("checked", 5000, 60000).
    std::function<void(const std::string&, std::size_t, std::size_t)> progress;
    std::string jobId; // a background import's record, marked written with the rows
};

// Checks every row and lists every problem; writes only when asked to and nothing is
// wrong, then all rows or none. Columns (in any order):
//   tenants: cluster_code, company_name, tax_code, sector, supporting_industry,
//            leased_area_m2, registered_capital_vnd, jobs, status, lease_start
//   reports: cluster_code, date, disbursed_vnd, note, work_item (id or kind), percent —
//            the rows of one cluster and date form one report.
ImportOutcome importCsv(persistence::Database& database, const ImportRequest& request);

} // namespace tracker::net
