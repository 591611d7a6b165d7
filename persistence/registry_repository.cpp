#include "persistence/registry_repository.h"

#include "persistence/cluster_rows.h"
#include "persistence/kept_versions.h"
#include "persistence/nullable.h"
#include "persistence/row_values.h"
#include "tracker/audit.h"
#include "tracker/enums.h"

#include <soci/soci.h>
#include <stdexcept>

namespace tracker::persistence
{
namespace
{
constexpr const char* kUpdateRegistry =
    "UPDATE clusters SET name_vi = :name, commune = :commune, developer = :developer, "
    "total_area_m2 = :total, industrial_area_m2 = :industrial, planned_investment_vnd = :inv, "
    "status = :status, status_provenance = :sp, planned_start = :start, "
    "planned_finish = :finish, decision_number = :dn, source_url = :url, "
    "source_notes = :notes, version = version + 1 WHERE id = :id AND version = :version";

constexpr const char* kUpdatePlacement =
    "UPDATE clusters SET unit_codes = :codes, unit_basis = :basis, unit_source = :source, "
    "unit_note = :note, version = version + 1 WHERE id = :id AND version = :version";

bool updatePlacementRow(soci::session& session, const Cluster& c, int expectedVersion)
{
    const std::string codes = formatPlacedUnits(c.units), basis(code(c.unitBasis));
    NullableText source(c.unitSource), note(c.unitNote);
    const long long id = c.id;
    soci::statement update =
        (session.prepare << kUpdatePlacement, soci::use(codes), soci::use(basis),
         soci::use(source.value, source.indicator), soci::use(note.value, note.indicator),
         soci::use(id), soci::use(expectedVersion));
    update.execute(true);
    return update.get_affected_rows() == 1;
}

std::string tenantsOfCluster()
{
    return std::string("SELECT ") + kTenantColumns +
           " FROM tenants WHERE cluster_id = :c ORDER BY id";
}

bool updateRegistryRow(soci::session& session, const Cluster& c, int expectedVersion)
{
    NullableText commune(c.commune), developer(c.developer), decisionNumber(c.decisionNumber),
        start(c.plannedStart), finish(c.plannedFinish), sourceUrl(c.sourceUrl),
        sourceNotes(c.sourceNotes);
    NullableInteger total(c.totalArea), industrial(c.industrialArea),
        investment(c.plannedInvestment);
    const std::string status(code(c.status)), statusProvenance(code(c.statusProvenance));
    const long long id = c.id;
    soci::statement update =
        (session.prepare << kUpdateRegistry, soci::use(c.nameVi),
         soci::use(commune.value, commune.indicator),
         soci::use(developer.value, developer.indicator), soci::use(total.value, total.indicator),
         soci::use(industrial.value, industrial.indicator),
         soci::use(investment.value, investment.indicator), soci::use(status),
         soci::use(statusProvenance), soci::use(start.value, start.indicator),
         soci::use(finish.value, finish.indicator),
         soci::use(decisionNumber.value, decisionNumber.indicator),
         soci::use(sourceUrl.value, sourceUrl.indicator),
         soci::use(sourceNotes.value, sourceNotes.indicator), soci::use(id),
         soci::use(expectedVersion));
    update.execute(true);
    return update.get_affected_rows() == 1;
}
} // namespace

std::optional<EditableCluster> RegistryRepository::findCluster(const std::string& code)
{
    std::optional<EditableCluster> found;
    _database.withSession(
        [&](soci::session& session)
        {
            found.reset();
            const auto cluster = clusterWhere(session, "WHERE code = :c", code);
            if (!cluster)
                return;
            found = EditableCluster{*cluster, itemsOf(session, cluster->id), {}};
            forEachRow(session, tenantsOfCluster(), {std::to_string(cluster->id)},
                       [&](const soci::row& row) { found->tenants.push_back(tenantFromRow(row)); });
        });
    return found;
}

std::optional<Cluster> RegistryRepository::findClusterById(std::int64_t id)
{
    std::optional<Cluster> found;
    _database.withSession([&](soci::session& session)
                          { found = clusterWhere(session, "WHERE id = :i", std::to_string(id)); });
    return found;
}

SaveResult<Cluster> RegistryRepository::updateRegistry(const Cluster& next, int expectedVersion,
                                                       const AuditContext& context)
{
    return save(next, expectedVersion, context, updateRegistryRow);
}

SaveResult<Cluster> RegistryRepository::placeUnits(const Cluster& next, int expectedVersion,
                                                   const AuditContext& context)
{
    return save(next, expectedVersion, context, updatePlacementRow);
}

SaveResult<Cluster> RegistryRepository::save(const Cluster& next, int expectedVersion,
                                             const AuditContext& context, RowUpdate update)
{
    SaveResult<Cluster> result;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            const std::string id = std::to_string(next.id);
            const auto before = clusterWhere(session, "WHERE id = :i", id);
            if (!before)
                throw std::runtime_error("no cluster " + id);
            result.saved = update(session, next, expectedVersion);
            if (result.saved)
            {
                appendAudit(session, context, "cluster", next.id, "update",
                            toJson(changesBetween(*before, next)), next.id);
                auto kept = fieldValues(draftOf(*before));
                for (auto& placement : placementValues(*before))
                    kept.push_back(std::move(placement));
                keepVersion(session, "cluster", next.id, expectedVersion, kept);
            }
            result.current = *clusterWhere(session, "WHERE id = :i", id);
            transaction.commit();
        });
    return result;
}

} // namespace tracker::persistence
