// Every mutating route, tried by every role and anonymously, on a cluster inside the
// person's scope and one outside it: allowed attempts must succeed and leave an audit
// entry, denied ones must be refused and change nothing.
#include "net/operations/edit_operations.h"
#include "persistence/account_repository.h"
#include "persistence/audit_repository.h"
#include "persistence/baseline_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/mail_repository.h"
#include "persistence/registry_repository.h"
#include "persistence/tenant_repository.h"
#include "support/office_client.h"

#include <catch2/catch.hpp>
#include <functional>
#include <soci/soci.h>

using namespace tracker;
using namespace tracker::testing;

namespace
{
struct Target
{
    std::string code;
    std::int64_t clusterId = 0;
    std::int64_t tenantId = 0;
    bool inScope = false;
    std::int64_t flagId = 0; // an open delay flag of the cluster
};

enum class Rule
{
    ReportOrTenants, // admin, city; district and developer in scope
    RegistryOrPlan,  // admin, city; district in scope
    AdminOnly,
    Subscriptions // admin, city
};

struct Route
{
    std::string name;
    Rule rule;
    bool perCluster;
    std::function<HttpResult(RunningServer&, const Person&, const Target&)> attempt;
};

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
    }
    return false;
}

persistence::EditableCluster current(RunningServer& running, const std::string& code)
{
    return *persistence::RegistryRepository(running.storage.database()).findCluster(code);
}

int tenantVersion(RunningServer& running, std::int64_t id)
{
    return persistence::TenantRepository(running.storage.database()).findTenant(id)->version;
}

int counter = 0; // makes each allowed attempt's data differ from the last
std::string next()
{
    return std::to_string(++counter);
}

std::vector<Route> routes()
{
    const auto reportJson = [](RunningServer& r, const Target& t)
    {
        const auto item = current(r, t.code).items.front().id;
        return "{\"date\":\"2026-11-20\",\"items\":[{\"work_item\":" + std::to_string(item) +
               ",\"percent\":" + std::to_string(counter % 100) + "}],\"disbursed_vnd\":" + next() +
               "}";
    };
    const std::string tenantJson = "{\"company_name\":\"Công ty TNHH Thử\",\"tax_code\":"
                                   "\"0100109106\",\"leased_area_m2\":1000,"
                                   "\"registered_capital_vnd\":5000000000,\"status\":\"building\"}";
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
             std::map<std::string, std::string> fields{
                 {"date", "2026-11-21"}, {"disbursed_vnd", next()}, {"note", "qua biểu mẫu"}};
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
             const auto d = net::draftOf(cluster);
             return postForm(r.port(), p, "/admin/clusters/" + t.code + "/registry",
                             {{"version", std::to_string(cluster.version)},
                              {"name_vi", d.nameVi},
                              {"commune", "Xã " + next()},
                              {"developer", d.developer},
                              {"total_area_m2", d.totalArea},
                              {"industrial_area_m2", d.industrialArea},
                              {"planned_investment_vnd", d.plannedInvestment},
                              {"status", d.status},
                              {"planned_start", d.plannedStart},
                              {"planned_finish", d.plannedFinish},
                              {"decision_number", d.decisionNumber},
                              {"source_url", d.sourceUrl},
                              {"source_notes", d.sourceNotes}});
         }},
        {"form new tenant", Rule::ReportOrTenants, true,
         [](RunningServer& r, const Person& p, const Target& t)
         {
             return postForm(r.port(), p, "/admin/clusters/" + t.code + "/tenants/new",
                             {{"company_name", "Công ty Cổ phần " + next()},
                              {"tax_code", "0100109106"},
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
                                     "registered_capital_vnd,status\n" +
                                     t.code + ",Công ty nhập " + next() +
                                     ",0100109106,100,100000000,registered\n";
             return postUpload(r.port(), p, "/admin/import", {{"kind", "tenants"}}, csv);
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

std::int64_t auditSize(RunningServer& running)
{
    return persistence::latestAuditId(running.storage.database());
}

bool refused(const HttpResult& result, bool anonymous, bool api)
{
    if (anonymous)
        return api ? result.status == 401
                   : result.status == 303 && result.location.rfind("/login", 0) == 0;
    return result.status == 403 || result.status == 422;
}

bool succeeded(const HttpResult& result)
{
    return result.status == 200 || result.status == 201 ||
           (result.status == 303 && result.location.rfind("/login", 0) != 0);
}

Target target(RunningServer& running, const std::string& code, bool inScope)
{
    auto found = current(running, code);
    Tenant tenant;
    tenant.clusterId = found.cluster.id;
    tenant.companyName = "Công ty có sẵn";
    tenant.taxCode = "0100109106";
    tenant.leasedArea = 500;
    const auto id = persistence::TenantRepository(running.storage.database())
                        .createTenant(tenant, {"seed", "127.0.0.1", "2026-11-27T00:00:00+07:00"});
    return {code, found.cluster.id, id, inScope};
}

// One open flag per target cluster, raised by one scan (a scan resolves what it does not find).
void raiseFlags(RunningServer& running, std::vector<Target>& targets)
{
    std::map<std::int64_t, std::vector<DelayFinding>> findings;
    for (const auto& t : targets)
    {
        DelayFinding finding;
        finding.rule = DelayRuleKind::StaleReporting;
        finding.measure = "no report for 60 days";
        findings[t.clusterId] = {finding};
    }
    persistence::DelayFlagRepository flags(running.storage.database());
    flags.applyScan(findings, Date{2026, 11, 27});
    for (auto& t : targets)
        t.flagId = flags.flagsOfCluster(t.clusterId).at(0).id;
}

std::string outsideThachThat(RunningServer& running)
{
    for (const auto& s :
         persistence::ClusterRepository(running.storage.database()).listSummaries(Date{}))
        if (s.cluster.district != "Thạch Thất")
            return s.cluster.code;
    FAIL("the seed has a cluster outside Thạch Thất");
    return {};
}
} // namespace

TEST_CASE("authorisation matrix: every mutating route, every role, anonymous",
          "[office][authz][db]")
{
    RunningServer running;
    const int port = running.port();
    std::vector<Person> people{
        createPerson(running, "admin@example.vn", Role::Admin),
        createPerson(running, "city@example.vn", Role::CityOfficial),
        createPerson(running, "district@example.vn", Role::DistrictOfficial, {"Thạch Thất"}),
        createPerson(running, "developer@example.vn", Role::Developer, {}, {"huu-bang"}),
        createPerson(running, "viewer@example.vn", Role::Viewer),
    };
    for (auto& person : people)
        signIn(port, person);
    Person anonymous;
    anonymous.account.email = "anonymous";
    std::vector<Target> targets{target(running, "huu-bang", true),
                                target(running, outsideThachThat(running), false)};
    raiseFlags(running, targets);
    int allowedSeen = 0, deniedSeen = 0;
    for (const auto& route : routes())
        for (const auto& where : targets)
        {
            if (!route.perCluster && !where.inScope)
                continue;
            for (const Person* person : std::vector<const Person*>{
                     &people[0], &people[1], &people[2], &people[3], &people[4], &anonymous})
            {
                const bool isAnonymous = person == &anonymous;
                const bool allowed = !isAnonymous && expectedAllowed(person->account.role,
                                                                     route.rule, where.inScope);
                const bool api = route.name.rfind("API", 0) == 0;
                const auto before = auditSize(running);
                const auto result = route.attempt(running, *person, where);
                const auto after = auditSize(running);
                INFO(route.name << " by " << person->account.email << " on " << where.code << " → "
                                << result.status << " " << result.location << " "
                                << result.body.substr(0, 300));
                if (allowed)
                {
                    CHECK(succeeded(result));
                    CHECK(after > before);
                    ++allowedSeen;
                }
                else
                {
                    CHECK(refused(result, isAnonymous, api));
                    CHECK(after == before);
                    ++deniedSeen;
                }
            }
        }
    CHECK(allowedSeen > 30);
    CHECK(deniedSeen > 60);
}
