// Every mutating route, tried by every role and anonymously, on a cluster inside the
// person's scope and one outside it: allowed attempts must succeed and leave an audit
// entry, denied ones must be refused and change nothing.
#include "net/operations/edit_operations.h"
#include "office/authorization_routes.h"
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
    for (const auto& route : mutatingRoutes())
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
