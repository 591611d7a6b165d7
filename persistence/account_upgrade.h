#pragma once

#include "persistence/account_repository.h"
#include "tracker/admin_units.h"

#include <string>
#include <vector>

namespace tracker::persistence
{

// A district official's account as it was moved to the units that replaced its districts.
struct UpgradedAccount
{
    std::string email;
    std::vector<std::string> districts; // what it was scoped to
    std::vector<std::string> communes;  // the unit codes it is scoped to now
};

// Since 1/7/2025 there are no districts: every district official becomes a commune official
// of each xã/phường formed (wholly or in part) from its former districts, so it keeps every
// cluster it saw. Each change is audited like an admin's edit; an account another instance
// upgraded first is skipped. Returns what was changed, for the start-up log.
std::vector<UpgradedAccount> upgradeDistrictOfficials(Database& database, const AdminUnits& units,
                                                      const AuditContext& context);

} // namespace tracker::persistence
