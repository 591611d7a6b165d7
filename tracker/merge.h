#pragma once

#include "tracker/audit.h"
#include "tracker/edit_validation.h"
#include "tracker/model.h"
#include "tracker/roles.h"

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace tracker
{

// A record as its editable fields' texts, by the names the forms, the API and the audit use
// ("planned_investment_vnd" → "70000000000"), in one canonical spelling per value.
using FieldValues = std::vector<std::pair<std::string, std::string>>;

// Two people edited the same version of a record; the other saved first. Each field comes
// from whoever changed it; a field both changed to different values is a clash the person
// must decide (FieldChange: field, theirs as `before`, yours as `after`). `merged` holds
// yours for a clashing field, so that a form re-shown from it loses nothing typed.
struct ThreeWayMerge
{
    FieldValues merged;
    FieldChanges clashes;
    std::vector<std::string> theirsKept; // fields only the other person changed
};

// `base`: the version both started from, or nothing when it is no longer known; then
// every field where theirs and yours differ is a clash (nothing is overwritten unasked).
// `keepTheirs`: fields where the person, shown a clash, chose the other person's value:
// theirs stays, as if they had not touched the field.
ThreeWayMerge mergeThreeWay(const std::optional<FieldValues>& base, const FieldValues& theirs,
                            FieldValues yours, const std::set<std::string>& keepTheirs = {});

// The editable fields of each record, canonical: a draft of the stored record, so that
// "600.000.000" typed and 600000000 stored compare equal once validated.
FieldValues fieldValues(const RegistryDraft& draft);
FieldValues fieldValues(const TenantDraft& draft);
// Where a cluster lies (its current units and how sure that is): kept with each cluster
// version beside the registry's fields, so that confirming the units is a conflict only
// with someone who changed the units, not with someone who edited the registry.
FieldValues placementValues(const Cluster& cluster);

// An account's name, role and scopes; lists are joined with ", " as the user form shows them.
FieldValues fieldValues(const Account& account);
RegistryDraft registryDraftOf(const FieldValues& fields);
// `account` with the fields' values; the email and id stay.
Account accountWith(Account account, const FieldValues& fields);
TenantDraft tenantDraftOf(const FieldValues& fields);

// `plan` with the dates and budgets named as a re-baselining's fields are
// ("items[2].planned_start", "items[2].planned_finish", "items[2].budget_vnd").
std::vector<PlanDraft> planWith(std::vector<PlanDraft> plan, const FieldValues& values);

// A record's current values as a draft: what an edit form starts from.
RegistryDraft draftOf(const Cluster& cluster);
TenantDraft draftOf(const Tenant& tenant);

} // namespace tracker
