#include "persistence/tenant_repository.h"

#include "persistence/cluster_rows.h"
#include "persistence/cluster_summaries.h"
#include "persistence/cluster_writer.h"
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
constexpr const char* kUpdateTenant =
    "UPDATE tenants SET company_name = :name, tax_code = :tax, sector = :sector, "
    "supporting_industry = :supporting, leased_area_m2 = :leased, "
    "registered_capital_vnd = :capital, jobs = :jobs, status = :status, lease_start = :lease, "
    "foreign_invested = :foreign, confirmed_doubts = :doubts, provenance = 'sourced', "
    "version = version + 1 WHERE id = :id AND "
    "version = :version";

bool updateTenantRow(soci::session& session, const Tenant& t, int expectedVersion)
{
    const long long id = t.id, leased = t.leasedArea, capital = t.registeredCapital;
    const int supporting = t.supportingIndustry ? 1 : 0, foreign = t.foreignInvested ? 1 : 0;
    const std::string status(code(t.status));
    NullableText sector(t.sector), leaseStart(t.leaseStart), doubts(t.confirmedDoubts);
    soci::statement update =
        (session.prepare << kUpdateTenant, soci::use(t.companyName), soci::use(t.taxCode),
         soci::use(sector.value, sector.indicator), soci::use(supporting), soci::use(leased),
         soci::use(capital), soci::use(t.jobs), soci::use(status),
         soci::use(leaseStart.value, leaseStart.indicator), soci::use(foreign),
         soci::use(doubts.value, doubts.indicator), soci::use(id), soci::use(expectedVersion));
    update.execute(true);
    return update.get_affected_rows() == 1;
}
} // namespace

std::optional<Tenant> TenantRepository::findTenant(std::int64_t id)
{
    std::optional<Tenant> found;
    _database.withSession([&](soci::session& session) { found = tenantWhere(session, id); });
    return found;
}

std::vector<Tenant> TenantRepository::withTaxCode(const std::string& taxCode)
{
    std::vector<Tenant> found;
    _database.withSession(
        [&](soci::session& session)
        {
            found.clear();
            forEachRow(session,
                       std::string("SELECT ") + kTenantColumns +
                           " FROM tenants WHERE tax_code = :t ORDER BY id",
                       {taxCode},
                       [&](const soci::row& row) { found.push_back(tenantFromRow(row)); });
        });
    return found;
}

std::vector<Tenant> TenantRepository::everyTenant()
{
    std::vector<Tenant> found;
    _database.withSession(
        [&](soci::session& session)
        {
            found.clear();
            forEachRow(session,
                       std::string("SELECT ") + kTenantColumns + " FROM tenants ORDER BY id", {},
                       [&](const soci::row& row) { found.push_back(tenantFromRow(row)); });
        });
    return found;
}

std::int64_t TenantRepository::createTenant(const Tenant& tenant, const AuditContext& context,
                                            const std::optional<RequestKey>& key)
{
    return writeOnce(_database, key, "tenant", context.at,
                     [&](soci::session& session)
                     {
                         const auto id = insertTenant(session, tenant);
                         appendAudit(session, context, "tenant", id, "create",
                                     toJson(creationOf(tenant)), tenant.clusterId);
                         return id;
                     });
}

SaveResult<Tenant> TenantRepository::updateTenant(const Tenant& next, int expectedVersion,
                                                  const AuditContext& context)
{
    SaveResult<Tenant> result;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            const auto before = tenantWhere(session, next.id);
            if (!before)
                throw std::runtime_error("no tenant " + std::to_string(next.id));
            result.saved = updateTenantRow(session, next, expectedVersion);
            if (result.saved)
            {
                appendAudit(session, context, "tenant", next.id, "update",
                            toJson(changesBetween(*before, next)), next.clusterId);
                summaryChangeLease(session, next.clusterId, occupiedBy(next) - occupiedBy(*before));
                keepVersion(session, "tenant", next.id, expectedVersion,
                            fieldValues(draftOf(*before)));
            }
            result.current = *tenantWhere(session, next.id);
            transaction.commit();
        });
    return result;
}

} // namespace tracker::persistence
