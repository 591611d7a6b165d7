#pragma once

#include "persistence/database.h"
#include "tracker/admin_units.h"
#include "tracker/field_errors.h"
#include "tracker/roles.h"
#include "tracker/subscription.h"

#include <set>
#include <string>

namespace tracker::net
{

// The districts and cluster codes the registry holds: all that an account's scopes or a
// subscription may name. A typo would leave an account with no rights, or a subscriber
// with no email, without anyone noticing.
class KnownScopes
{
public:
    // `units`: the current xã/phường an account may be scoped to, with or without clusters.
    KnownScopes(persistence::Database& database, const AdminUnits& units);

    bool contains(const DigestScope& scope) const;
    bool hasDistrict(const std::string& name) const { return _districts.count(name) > 0; }
    bool hasCluster(const std::string& code) const { return _clusters.count(code) > 0; }
    // One error for each district or cluster the account names that does not exist.
    FieldErrors unknownIn(const Account& account) const;

private:
    const AdminUnits& _units;
    std::set<std::string> _districts, _clusters, _communes;
};

} // namespace tracker::net
