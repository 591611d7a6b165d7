#include "persistence/cluster_rows.h"

#include "persistence/row_values.h"
#include "tracker/enums.h"

#include <soci/soci.h>
#include <stdexcept>

namespace tracker::persistence
{

const char* const kClusterColumns =
    "id, code, name_vi, district, commune, total_area_m2, industrial_area_m2, "
    "planned_investment_vnd, developer, decision_number, decision_date, status, "
    "status_provenance, planned_start, planned_finish, latitude_microdeg, longitude_microdeg, "
    "source_url, source_notes, provenance, version, unit_codes, unit_basis, unit_source, "
    "unit_note, "
    "cohort";

const char* const kWorkItemColumns =
    "id, cluster_id, kind, planned_start, planned_finish, budget_vnd, percent_done, provenance, "
    "version";

const char* const kTenantColumns =
    "id, cluster_id, company_name, tax_code, sector, supporting_industry, leased_area_m2, "
    "registered_capital_vnd, jobs, status, lease_start, provenance, version, foreign_invested, "
    "confirmed_doubts";

namespace
{
template <typename Enum, typename Parse>
Enum decode(const soci::row& row, const std::string& column, Parse parse)
{
    const std::string stored = text(row, column);
    const auto value = parse(stored);
    if (!value)
        throw std::runtime_error("column " + column + ": unknown code '" + stored + "'");
    return *value;
}
} // namespace

Cluster clusterFromRow(const soci::row& row)
{
    Cluster c;
    c.id = integer(row, "id");
    c.code = text(row, "code");
    c.nameVi = text(row, "name_vi");
    c.district = text(row, "district");
    c.commune = text(row, "commune");
    c.totalArea = optionalInteger(row, "total_area_m2");
    c.industrialArea = optionalInteger(row, "industrial_area_m2");
    c.plannedInvestment = optionalInteger(row, "planned_investment_vnd");
    c.developer = text(row, "developer");
    c.decisionNumber = text(row, "decision_number");
    c.decisionDate = text(row, "decision_date");
    c.status = decode<ProjectStatus>(row, "status", projectStatusFromCode);
    c.statusProvenance = decode<Provenance>(row, "status_provenance", provenanceFromCode);
    c.plannedStart = optionalDate(row, "planned_start");
    c.plannedFinish = optionalDate(row, "planned_finish");
    c.latitudeMicrodegrees = optionalInteger(row, "latitude_microdeg");
    c.longitudeMicrodegrees = optionalInteger(row, "longitude_microdeg");
    c.sourceUrl = text(row, "source_url");
    c.sourceNotes = text(row, "source_notes");
    c.provenance = decode<Provenance>(row, "provenance", provenanceFromCode);
    c.version = static_cast<int>(integer(row, "version"));
    const auto units = parsePlacedUnits(text(row, "unit_codes"));
    if (!units)
        throw std::runtime_error("column unit_codes: '" + text(row, "unit_codes") +
                                 "' is not a list of unit codes");
    c.units = *units;
    c.unitBasis = decode<UnitBasis>(row, "unit_basis", unitBasisFromCode);
    c.unitSource = text(row, "unit_source");
    c.unitNote = text(row, "unit_note");
    c.cohort = static_cast<int>(integer(row, "cohort"));
    return c;
}

WorkItem workItemFromRow(const soci::row& row)
{
    WorkItem w;
    w.id = integer(row, "id");
    w.clusterId = integer(row, "cluster_id");
    w.kind = decode<WorkKind>(row, "kind", workKindFromCode);
    w.plannedStart = date(row, "planned_start");
    w.plannedFinish = date(row, "planned_finish");
    w.budget = integer(row, "budget_vnd");
    w.percentDone = static_cast<int>(integer(row, "percent_done"));
    w.provenance = decode<Provenance>(row, "provenance", provenanceFromCode);
    w.version = static_cast<int>(integer(row, "version"));
    return w;
}

Tenant tenantFromRow(const soci::row& row)
{
    Tenant t;
    t.id = integer(row, "id");
    t.clusterId = integer(row, "cluster_id");
    t.companyName = text(row, "company_name");
    t.taxCode = text(row, "tax_code");
    t.sector = text(row, "sector");
    t.supportingIndustry = integer(row, "supporting_industry") != 0;
    t.foreignInvested = integer(row, "foreign_invested") != 0;
    t.leasedArea = integer(row, "leased_area_m2");
    t.registeredCapital = integer(row, "registered_capital_vnd");
    t.jobs = static_cast<int>(integer(row, "jobs"));
    t.status = decode<TenantStatus>(row, "status", tenantStatusFromCode);
    t.leaseStart = optionalDate(row, "lease_start");
    t.provenance = decode<Provenance>(row, "provenance", provenanceFromCode);
    t.version = static_cast<int>(integer(row, "version"));
    t.confirmedDoubts = text(row, "confirmed_doubts");
    return t;
}

std::optional<Cluster> clusterWhere(soci::session& session, const std::string& where,
                                    const std::string& parameter)
{
    std::optional<Cluster> found;
    forEachRow(
        session, std::string("SELECT ") + kClusterColumns + " FROM clusters " + where, {parameter},
        [&](const soci::row& row) { found = clusterFromRow(row); }, 1);
    return found;
}

std::vector<WorkItem> itemsOf(soci::session& session, std::int64_t clusterId)
{
    std::vector<WorkItem> items;
    forEachRow(session,
               std::string("SELECT ") + kWorkItemColumns +
                   " FROM work_items WHERE cluster_id = :c ORDER BY id",
               {std::to_string(clusterId)},
               [&](const soci::row& row) { items.push_back(workItemFromRow(row)); });
    return items;
}

std::optional<Tenant> tenantWhere(soci::session& session, std::int64_t id)
{
    std::optional<Tenant> found;
    forEachRow(
        session, std::string("SELECT ") + kTenantColumns + " FROM tenants WHERE id = :i",
        {std::to_string(id)}, [&](const soci::row& row) { found = tenantFromRow(row); }, 1);
    return found;
}

} // namespace tracker::persistence
