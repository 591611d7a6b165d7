#include "office/authorization_routes.h"

#include "net/operations/edit_operations.h"
#include "office/office_helpers.h"
#include "persistence/account_repository.h"
#include "persistence/audit_repository.h"
#include "persistence/baseline_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/enquiry_repository.h"
#include "persistence/mail_repository.h"
#include "persistence/registry_repository.h"
#include "persistence/tenant_repository.h"
#include "support/office_client.h"

#include <catch2/catch.hpp>
#include <functional>
#include <soci/soci.h>

using namespace tracker;
using namespace tracker::testing;

namespace tracker::testing
{
namespace
{

int tenantVersion(RunningServer& running, std::int64_t id)
{
    return persistence::TenantRepository(running.storage.database()).findTenant(id)->version;
}

// The one enquiry about the cluster that the status route moves, made on first use.
std::int64_t enquiryAbout(RunningServer& running, const std::string& code)
{
    persistence::EnquiryRepository enquiries(running.storage.database());
    for (const auto& e : enquiries.list())
        if (e.clusterCode == code)
            return e.id;
    Enquiry e;
    e.clusterId = current(running, code).cluster.id;
    e.name = "Nhà đầu tư";
    e.email = "investor@example.vn";
    e.message = "Cần thuê 1 ha đất.";
    e.createdOn = Date{2026, 11, 27};
    return enquiries
        .create(
            e, "127.0.0.1", 0, [](std::int64_t) { return std::vector<persistence::QueuedMail>{}; },
            "example.vn")
        .id;
}

int counter = 0; // makes each allowed attempt's data differ from the last
std::string next()
{
    return std::to_string(++counter);
}

// A live token of the person's account (or of nobody's, for the anonymous attempt), inserted
// bare so that only the attempt itself may add to the audit.
std::int64_t ownToken(RunningServer& running, const Person& person)
{
    long long id = 0;
    const long long user = person.account.id;
    if (user == 0)
        return 1; // anonymous: refused before any token is looked at
    const std::string hash = "matrix-" + std::to_string(user) + "-" + next();
    running.storage.database().withSession(
        [&](soci::session& session)
        {
            session << "INSERT INTO api_tokens (user_id, token_hash, created_at, expires_at) "
                       "VALUES (:u, :h, 't', 4000000000)",
                soci::use(user), soci::use(hash);
            session << "SELECT id FROM api_tokens WHERE token_hash = :h", soci::use(hash),
                soci::into(id);
        });
    return id;
}

} // namespace

persistence::EditableCluster current(RunningServer& running, const std::string& code)
{
    return *persistence::RegistryRepository(running.storage.database()).findCluster(code);
}

bool expectedAllowed(Role role, Rule rule, bool inScope)
{
    switch (rule)
    {
    case Rule::ReportOrTenants:
        return role == Role::Admin || role == Role::CityOfficial ||
               ((role == Role::DistrictOfficial || role == Role::Developer) && inScope);
    case Rule::RegistryOrPlan:
        return role == Role::Admin || role == Role::CityOfficial ||
               (role == Role::DistrictOfficial && inScope);
    case Rule::AdminOnly:
        return role == Role::Admin;
    case Rule::Subscriptions:
        return role == Role::Admin || role == Role::CityOfficial;
    case Rule::SignedIn:
        return true;
    }
    return false;
}

// A data table: one entry per route, each with the request that attempts it.
std::vector<Route> mutatingRoutes()
{
    const auto reportJson = [](RunningServer& r, const Target& t)
    {
        const auto item = current(r, t.code).items.front().id;
        return "{\"date\":\"2026-11-20\",\"items\":[{\"work_item\":" + std::to_string(item) +
               ",\"percent\":" + std::to_string(counter % 100) +
               "}],\"confirm\":\"1\",\"confirm_reason\":\"dữ liệu thử\",\"disbursed_vnd\":" +
               next() + "}";
    };
    const std::string tenantJson = "{\"company_name\":\"Công ty TNHH Thử\",\"tax_code\":"
                                   "\"0100109106\",\"leased_area_m2\":1000,"
                                   "\"registered_capital_vnd\":5000000000,\"status\":\"building\","
                                   "\"confirm\":\"1\",\"confirm_reason\":\"dữ liệu thử\"}";
    return {
        {"API POST reports", Rule::ReportOrTenants, true,
         [=](RunningServer& r, const Person& p, const Target& t)
         {
             return sendJson(r.port(), p, "POST", "/api/v1/clusters/" + t.code + "/reports",
                             reportJson(r, t));
         }},
        {"API PATCH cluster", Rule::RegistryOrPlan, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             const auto version = current(r, t.code).cluster.version;
             return sendJson(r.port(), p, "PATCH", "/api/v1/clusters/" + t.code,
                             "{\"version\":" + std::to_string(version) + ",\"commune\":\"Xã " +
                                 next() + "\"}");
         }},
        {"API POST tenants", Rule::ReportOrTenants, true,
         [=](RunningServer& r, const Person& p, const Target& t) {
             return sendJson(r.port(), p, "POST", "/api/v1/clusters/" + t.code + "/tenants",
                             tenantJson);
         }},
        {"API PATCH tenant", Rule::ReportOrTenants, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             return sendJson(r.port(), p, "PATCH", "/api/v1/tenants/" + std::to_string(t.tenantId),
                             "{\"version\":" + std::to_string(tenantVersion(r, t.tenantId)) +
                                 ",\"jobs\":" + next() + "}");
         }},
        {"API POST baselines", Rule::RegistryOrPlan, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             const auto item = current(r, t.code).items.front();
             return sendJson(r.port(), p, "POST", "/api/v1/clusters/" + t.code + "/baselines",
                             "{\"reason\":\"Điều chỉnh " + next() +
                                 "\",\"items\":[{\"work_item\":" + std::to_string(item.id) +
                                 ",\"planned_start\":\"" + item.plannedStart.iso() +
                                 "\",\"planned_finish\":\"" +
                                 item.plannedFinish.plusDays(30).iso() +
                                 "\",\"budget_vnd\":" + std::to_string(item.budget) + "}]}");
         }},
        {"API acknowledge delay", Rule::RegistryOrPlan, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             return sendJson(r.port(), p, "POST",
                             "/api/v1/delays/" + std::to_string(t.flagId) + "/acknowledge",
                             "{\"comment\":\"Đã làm việc với chủ đầu tư " + next() + "\"}");
         }},
        {"form acknowledge delay", Rule::RegistryOrPlan, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             const auto version =
                 persistence::DelayFlagRepository(r.storage.database()).findFlag(t.flagId)->version;
             return postForm(r.port(), p, "/admin/delays/" + std::to_string(t.flagId),
                             {{"comment", "Đã đôn đốc nhà thầu " + next()},
                              {"version", std::to_string(version)}});
         }},
        {"form report", Rule::ReportOrTenants, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             std::map<std::string, std::string> fields{{"date", "2026-11-21"},
                                                       {"confirm", "1"},
                                                       {"confirm_reason", "dữ liệu thử"},
                                                       {"disbursed_vnd", next()},
                                                       {"note", "qua biểu mẫu"}};
             const auto items = current(r, t.code).items;
             for (std::size_t i = 0; i < items.size(); ++i)
             {
                 const std::string prefix = "items[" + std::to_string(i) + "].";
                 fields[prefix + "work_item"] = std::to_string(items[i].id);
                 fields[prefix + "percent"] = std::to_string(items[i].percentDone);
             }
             return postForm(r.port(), p, "/admin/clusters/" + t.code + "/report", fields);
         }},
        {"form registry", Rule::RegistryOrPlan, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             const auto cluster = current(r, t.code).cluster;
             auto fields = registryFields(cluster);
             fields["commune"] = "Xã " + next();
             return postForm(r.port(), p, "/admin/clusters/" + t.code + "/registry", fields);
         }},
        {"form facts", Rule::RegistryOrPlan, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             const auto html = getAs(r.port(), p, "/admin/clusters/" + t.code + "/facts").body;
             return postForm(
                 r.port(), p, "/admin/clusters/" + t.code + "/facts",
                 {{"version", hiddenValue(html, "version").empty() ? std::string("0")
                                                                   : hiddenValue(html, "version")},
                  {"ready_to_lease_m2", "100"},
                  {"source", "QĐ " + next() + "/QĐ-UBND"}});
         }},
        {"form units", Rule::RegistryOrPlan, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             const auto cluster = current(r, t.code).cluster;
             const std::string unit = cluster.units.empty() ? "10003" : cluster.units[0].code;
             return postForm(r.port(), p, "/admin/clusters/" + t.code + "/units",
                             {{"version", std::to_string(cluster.version)},
                              {"unit_1", unit},
                              {"evidence", "QĐ " + next() + "/QĐ-UBND"}});
         }},
        {"form plots", Rule::ReportOrTenants, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             return postForm(r.port(), p, "/admin/clusters/" + t.code + "/plots",
                             {{"do", "put"},
                              {"label", "A" + next()},
                              {"plot_area_ha", "0,5"},
                              {"status", "available"},
                              {"sectors", "Cơ khí"}});
         }},
        {"form enquiry status", Rule::ReportOrTenants, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             persistence::EnquiryRepository enquiries(r.storage.database());
             const auto id = enquiryAbout(r, t.code);
             const auto e = *enquiries.find(id);
             const auto to = e.status == EnquiryStatus::Answered ? "closed" : "answered";
             return postForm(r.port(), p, "/admin/enquiries/" + std::to_string(id),
                             {{"version", std::to_string(e.version)}, {"status", to}});
         }},
        {"form new tenant", Rule::ReportOrTenants, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             return postForm(r.port(), p, "/admin/clusters/" + t.code + "/tenants/new",
                             {{"company_name", "Công ty Cổ phần " + next()},
                              {"tax_code", "0100109106"},
                              {"confirm", "1"},
                              {"confirm_reason", "dữ liệu thử"},
                              {"leased_area_m2", "2000"},
                              {"registered_capital_vnd", "1000000000"},
                              {"jobs", "12"},
                              {"status", "registered"}});
         }},
        {"form edit tenant", Rule::ReportOrTenants, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             return postForm(r.port(), p, "/admin/tenants/" + std::to_string(t.tenantId),
                             {{"version", std::to_string(tenantVersion(r, t.tenantId))},
                              {"company_name", "Công ty sửa " + next()},
                              {"tax_code", "0100109106"},
                              {"confirm", "1"},
                              {"confirm_reason", "dữ liệu thử"},
                              {"leased_area_m2", "2000"},
                              {"registered_capital_vnd", "1000000000"},
                              {"jobs", "3"},
                              {"status", "operating"}});
         }},
        {"form baseline", Rule::RegistryOrPlan, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             const auto latest = persistence::BaselineRepository(r.storage.database())
                                     .latestBaseline(current(r, t.code).cluster.id);
             std::map<std::string, std::string> fields{{"reason", "Gia hạn " + next()},
                                                       {"based_on", std::to_string(latest)}};
             const auto items = current(r, t.code).items;
             for (std::size_t i = 0; i < items.size(); ++i)
             {
                 const std::string prefix = "items[" + std::to_string(i) + "].";
                 fields[prefix + "planned_start"] = items[i].plannedStart.iso();
                 fields[prefix + "planned_finish"] = items[i].plannedFinish.plusDays(7).iso();
                 fields[prefix + "budget_vnd"] = std::to_string(items[i].budget);
             }
             return postForm(r.port(), p, "/admin/clusters/" + t.code + "/baseline", fields);
         }},
        {"form import", Rule::ReportOrTenants, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             const std::string csv = "cluster_code,company_name,tax_code,leased_area_m2,"
                                     "registered_capital_vnd,status,confirm,confirm_reason\n" +
                                     t.code + ",Công ty nhập " + next() +
                                     ",0100109106,100,100000000,registered,1,dữ liệu thử\n";
             return postUpload(r.port(), p, "/admin/import", {{"kind", "tenants"}}, csv);
         }},
        {"form create token", Rule::SignedIn, false,
         [](RunningServer& r, const Person& p, const Target&) {
             return postForm(r.port(), p, "/admin/tokens", {{"name", "Mã " + next()}});
         }},
        {"form revoke token", Rule::SignedIn, false,
         [](RunningServer& r, const Person& p, const Target&)
         {
             // Its own token, made bare (no audit entry of its own), for the person to revoke.
             const auto id = ownToken(r, p);
             return postForm(r.port(), p, "/admin/tokens/" + std::to_string(id) + "/revoke", {});
         }},
        {"API POST tokens", Rule::SignedIn, false,
         [](RunningServer& r, const Person& p, const Target&)
         {
             return sendJson(r.port(), p, "POST", "/api/v1/tokens",
                             "{\"name\":\"Mã " + next() + "\",\"days\":30}");
         }},
        {"API DELETE token", Rule::SignedIn, false,
         [](RunningServer& r, const Person& p, const Target&)
         {
             const auto id = ownToken(r, p);
             return sendJson(r.port(), p, "DELETE", "/api/v1/tokens/" + std::to_string(id), "");
         }},
        {"form users", Rule::AdminOnly, false,
         [](RunningServer& r, const Person& p, const Target&)
         {
             return postForm(r.port(), p, "/admin/users",
                             {{"email", "new" + next() + "@example.vn"},
                              {"name", "Người mới"},
                              {"role", "viewer"},
                              {"password", "a long enough password"}});
         }},
        {"form edit user", Rule::AdminOnly, false,
         [](RunningServer& r, const Person& p, const Target&)
         {
             const auto& viewer = "viewer@example.vn";
             const auto stored =
                 persistence::AccountRepository(r.storage.database()).findByEmail(viewer);
             return postForm(r.port(), p, "/admin/users/" + std::to_string(stored->account.id),
                             {{"version", std::to_string(stored->version)},
                              {"name", "Người xem " + next()},
                              {"role", "viewer"}});
         }},
        {"form deactivate user", Rule::AdminOnly, false,
         [](RunningServer& r, const Person& p, const Target&)
         {
             // Inserted bare: creating it through the repository would add an audit entry
             // to the count this attempt is judged by.
             const std::string email = "off" + next() + "@example.vn";
             long long id = 0;
             r.storage.database().withSession(
                 [&](soci::session& session)
                 {
                     session << "INSERT INTO users (email, role, password_hash, created_at) "
                                "VALUES (:e, 'viewer', 'x', 't')",
                         soci::use(email);
                     session << "SELECT id FROM users WHERE email = :e", soci::use(email),
                         soci::into(id);
                 });
             return postForm(r.port(), p, "/admin/users/" + std::to_string(id) + "/active",
                             {{"active", "0"}});
         }},
        {"form subscriptions", Rule::Subscriptions, false,
         [](RunningServer& r, const Person& p, const Target&)
         {
             return postForm(r.port(), p, "/admin/subscriptions",
                             {{"email", "sub" + next() + "@example.vn"},
                              {"language", "vi"},
                              {"scope", "district:Thạch Thất"}});
         }},
        {"form unsubscribe", Rule::Subscriptions, false,
         [](RunningServer& r, const Person& p, const Target&)
         {
             Subscription wanted;
             wanted.email = "gone" + next() + "@example.vn";
             wanted.language = "vi";
             wanted.scopeKind = "all";
             const auto s =
                 persistence::MailRepository(r.storage.database())
                     .subscribe(wanted, Date{2026, 11, 27},
                                [](std::int64_t id) { return "t" + std::to_string(id); });
             return postForm(r.port(), p,
                             "/admin/subscriptions/" + std::to_string(s.id) + "/unsubscribe", {});
         }},
    };
}

} // namespace tracker::testing
