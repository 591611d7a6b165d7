#pragma once

#include "tracker/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracker
{

enum class Role
{
    Admin,            // users and everything
    CityOfficial,     // every cluster
    DistrictOfficial, // the clusters of their former districts (before 1/7/2025; upgraded)
    CommuneOfficial,  // the clusters of their xã/phường, by unit code
    Developer,        // their own clusters' reports and tenants
    Viewer            // reads only
};

std::string_view code(Role role);
std::optional<Role> roleFromCode(std::string_view code);
std::string_view labelVi(Role role);
std::string_view labelEn(Role role);

// Who is asking: a signed-in person or the owner of an API token.
struct Account
{
    std::int64_t id = 0;
    std::string email;
    std::string name;
    Role role = Role::Viewer;
    std::vector<std::string> districts; // Vietnamese names, for district officials
    std::vector<std::string> communes;  // unit codes ("10369"), for commune officials
    std::vector<std::string> clusters;  // cluster codes, for developers
};

// What a person may change. Each cluster action is checked against the cluster it touches.
enum class ClusterAction
{
    EditRegistry, // name, areas, investment, status, dates, sources
    EditSchedule, // work items and re-baselining
    SubmitReport,
    EditTenants,
    AcknowledgeDelay, // an official says a delay flag is known and what is being done
    AnswerEnquiries   // read investors' enquiries about the cluster and mark them answered
};

enum class SiteAction
{
    ManageUsers,
    ManageSubscriptions,
    ReadFullAudit,
    Import // bulk import across clusters; each row is still checked against its cluster
};

bool may(const Account& account, ClusterAction action, const Cluster& cluster);
bool may(const Account& account, SiteAction action);
// Whether the account may change anything in that cluster at all (the back office lists it).
bool mayEditSomething(const Account& account, const Cluster& cluster);

} // namespace tracker
