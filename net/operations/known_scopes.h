#pragma once

#include "persistence/database.h"
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
    explicit KnownScopes(persistence::Database& database);

    bool contains(const DigestScope& scope) const;
    bool hasDistrict(const std::string& name) const { return _districts.count(name) > 0; }
    bool hasCluster(const std::string& code) const { return _clusters.count(code) > 0; }
    // One error for each district or cluster the account names that does not exist.
    FieldErrors unknownIn(const Account& account) const;

private:
    std::set<std::string> _districts, _clusters;
};

} // namespace tracker::net
