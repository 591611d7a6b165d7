#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"
#include "persistence/request_keys.h"
#include "persistence/save_result.h"
#include "tracker/model.h"

#include <optional>
#include <vector>

namespace tracker::persistence
{

// Secondary tenants, as the back office and the API edit them. A change commits with its
// audit entry, or not at all.
class TenantRepository
{
public:
    explicit TenantRepository(Database& database) : _database(database) {}

    std::optional<Tenant> findTenant(std::int64_t id);
    // Every tenant on record with this tax code, in any cluster (the MST index).
    std::vector<Tenant> withTaxCode(const std::string& taxCode);
    // Every tenant on record, by id (an import checks each row's MST against them).
    std::vector<Tenant> everyTenant();
    // With a key that was used before, throws RepeatedRequest and writes nothing.
    std::int64_t createTenant(const Tenant& tenant, const AuditContext& context,
                              const std::optional<RequestKey>& key = std::nullopt);
    SaveResult<Tenant> updateTenant(const Tenant& next, int expectedVersion,
                                    const AuditContext& context);

private:
    Database& _database;
};

} // namespace tracker::persistence
