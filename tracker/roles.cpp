#include "tracker/roles.h"

#include "tracker/code_table.h"

#include <algorithm>

namespace tracker
{
namespace
{
constexpr CodeTable<Role, 6> kRoles{{{
    {Role::Admin, "admin", "Quản trị viên", "Administrator"},
    {Role::CityOfficial, "city_official", "Cán bộ thành phố", "City official"},
    {Role::DistrictOfficial, "district_official", "Cán bộ huyện (cũ)",
     "District official (former)"},
    {Role::CommuneOfficial, "commune_official", "Cán bộ xã/phường", "Commune official"},
    {Role::Developer, "developer", "Chủ đầu tư hạ tầng", "Developer"},
    {Role::Viewer, "viewer", "Người xem", "Viewer"},
}}};

bool listed(const std::vector<std::string>& list, const std::string& value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}
} // namespace

std::string_view code(Role role)
{
    return kRoles.names(role).code;
}

std::string_view labelVi(Role role)
{
    return kRoles.names(role).vi;
}

std::string_view labelEn(Role role)
{
    return kRoles.names(role).en;
}

std::optional<Role> roleFromCode(std::string_view text)
{
    return kRoles.fromCode(text);
}

bool may(const Account& account, ClusterAction action, const Cluster& cluster)
{
    switch (account.role)
    {
    case Role::Admin:
    case Role::CityOfficial:
        return true;
    case Role::DistrictOfficial:
        return listed(account.districts, cluster.district);
    case Role::CommuneOfficial:
        // A candidate unit counts: until an official confirms where a split cluster lies,
        // each candidate commune answers for it.
        return std::any_of(cluster.units.begin(), cluster.units.end(),
                           [&](const PlacedUnit& unit)
                           { return listed(account.communes, unit.code); });
    case Role::Developer:
        // A developer reports on its own works and tenants; the registry, the approved
        // schedule and answering for delays belong to the authorities.
        // and answers the investors who ask about its land.
        return (action == ClusterAction::SubmitReport || action == ClusterAction::EditTenants ||
                action == ClusterAction::AnswerEnquiries) &&
               listed(account.clusters, cluster.code);
    case Role::Viewer:
        return false;
    }
    return false;
}

bool may(const Account& account, SiteAction action)
{
    switch (action)
    {
    case SiteAction::ManageUsers:
    case SiteAction::ReadFullAudit:
        return account.role == Role::Admin;
    case SiteAction::ManageSubscriptions:
        return account.role == Role::Admin || account.role == Role::CityOfficial;
    case SiteAction::Import:
        return account.role != Role::Viewer;
    }
    return false;
}

bool mayEditSomething(const Account& account, const Cluster& cluster)
{
    return may(account, ClusterAction::SubmitReport, cluster);
}

} // namespace tracker
