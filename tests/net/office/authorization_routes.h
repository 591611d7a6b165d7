#pragma once

// The authorisation matrix's table: every mutating route, how to attempt it as a person on
// a target cluster, and which rule decides who may (authorization_routes.cpp).
#include "persistence/registry_repository.h"
#include "support/office_client.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tracker::testing
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
    Subscriptions, // admin, city
    SignedIn       // every account, on what is its own (its API tokens)
};

struct Route
{
    std::string name;
    Rule rule;
    bool perCluster;
    std::function<HttpResult(RunningServer&, const Person&, const Target&)> attempt;
};

// What the rule allows a role, on a cluster inside or outside the person's scope.
bool expectedAllowed(Role role, Rule rule, bool inScope);
std::vector<Route> mutatingRoutes();
// A cluster as stored now, with its items and tenants.
persistence::EditableCluster current(RunningServer& running, const std::string& code);

} // namespace tracker::testing
