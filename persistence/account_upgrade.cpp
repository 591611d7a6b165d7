#include "persistence/account_upgrade.h"

#include <algorithm>

namespace tracker::persistence
{

std::vector<UpgradedAccount> upgradeDistrictOfficials(Database& database, const AdminUnits& units,
                                                      const AuditContext& context)
{
    AccountRepository accounts(database);
    std::vector<UpgradedAccount> upgraded;
    for (const auto& listed : accounts.listAccounts())
    {
        if (listed.role != Role::DistrictOfficial)
            continue;
        const auto stored = accounts.findByEmail(listed.email);
        if (!stored || stored->account.role != Role::DistrictOfficial)
            continue;
        Account next = stored->account;
        for (const auto& district : next.districts)
            for (const auto* unit : units.formedFromDistrict(district))
                if (std::find(next.communes.begin(), next.communes.end(), unit->code) ==
                    next.communes.end())
                    next.communes.push_back(unit->code);
        next.role = Role::CommuneOfficial;
        next.districts.clear();
        if (accounts.updateAccount(next, stored->version, context))
            upgraded.push_back({next.email, stored->account.districts, next.communes});
    }
    return upgraded;
}

} // namespace tracker::persistence
