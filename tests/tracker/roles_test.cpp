#include "tracker/roles.h"

#include <catch2/catch.hpp>

using namespace tracker;

namespace
{
Cluster cluster(const std::string& code, const std::string& district)
{
    Cluster c;
    c.code = code;
    c.district = district;
    return c;
}

Account account(Role role, std::vector<std::string> districts = {},
                std::vector<std::string> clusters = {})
{
    Account a;
    a.role = role;
    a.districts = std::move(districts);
    a.clusters = std::move(clusters);
    return a;
}
} // namespace

TEST_CASE("role codes round-trip and unknown codes are refused", "[domain][roles]")
{
    for (const auto role :
         {Role::Admin, Role::CityOfficial, Role::DistrictOfficial, Role::Developer, Role::Viewer})
        CHECK(roleFromCode(code(role)) == role);
    CHECK_FALSE(roleFromCode("root").has_value());
    CHECK_FALSE(roleFromCode("Admin").has_value());
}

TEST_CASE("district officials change only the clusters of their districts", "[domain][roles]")
{
    const auto official = account(Role::DistrictOfficial, {"Thạch Thất"});
    const auto inside = cluster("huu-bang", "Thạch Thất");
    const auto outside = cluster("cau-bau", "Quốc Oai");
    for (const auto action : {ClusterAction::EditRegistry, ClusterAction::EditSchedule,
                              ClusterAction::SubmitReport, ClusterAction::EditTenants})
    {
        CHECK(may(official, action, inside));
        CHECK_FALSE(may(official, action, outside));
    }
    // The same name without its diacritics is another district.
    CHECK_FALSE(may(official, ClusterAction::SubmitReport, cluster("x", "Thach That")));
}

TEST_CASE("developers report and keep tenants on their own clusters only", "[domain][roles]")
{
    const auto developer = account(Role::Developer, {}, {"huu-bang"});
    const auto own = cluster("huu-bang", "Thạch Thất");
    const auto other = cluster("phung-xa", "Thạch Thất");
    CHECK(may(developer, ClusterAction::SubmitReport, own));
    CHECK(may(developer, ClusterAction::EditTenants, own));
    CHECK_FALSE(may(developer, ClusterAction::EditRegistry, own));
    CHECK_FALSE(may(developer, ClusterAction::EditSchedule, own));
    CHECK_FALSE(may(developer, ClusterAction::SubmitReport, other));
}

TEST_CASE("viewers change nothing, site actions follow the role", "[domain][roles]")
{
    const auto viewer = account(Role::Viewer, {"Thạch Thất"}, {"huu-bang"});
    CHECK_FALSE(may(viewer, ClusterAction::SubmitReport, cluster("huu-bang", "Thạch Thất")));
    CHECK_FALSE(may(viewer, SiteAction::Import));
    CHECK(may(account(Role::Admin), SiteAction::ManageUsers));
    CHECK_FALSE(may(account(Role::CityOfficial), SiteAction::ManageUsers));
    CHECK(may(account(Role::CityOfficial), SiteAction::ManageSubscriptions));
    CHECK_FALSE(may(account(Role::DistrictOfficial, {"Thạch Thất"}), SiteAction::ReadFullAudit));
    CHECK(may(account(Role::CityOfficial), ClusterAction::EditRegistry, cluster("a", "Sóc Sơn")));
}
