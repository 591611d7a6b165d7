#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/request_keys.h"
#include "tracker/admin_units.h"
#include "tracker/audit.h"
#include "tracker/clock.h"
#include "tracker/edit_validation.h"
#include "tracker/merge.h"
#include "tracker/roles.h"

#include <functional>
#include <string>
#include <vector>

namespace tracker::net
{

enum class EditStatus
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    Conflict
};

// What an edit came to. The forms and the JSON API both call the operations below and only
// choose how to show the outcome, so that both enforce exactly the same rules.
template <typename Record> struct EditResult
{
    EditStatus status = EditStatus::Done;
    Record record{};        // stored, or on a conflict the newer stored version
    FieldErrors errors;     // Invalid
    FieldChanges conflicts; // Conflict: field, theirs (before), yours (after)
    bool replayed = false;  // Done earlier by a request with the same Idempotency-Key
    FieldErrors notices;    // Done, with something the person should know (an older report)
    // Conflict: the record as the merge left it (theirs, with this edit's changes, and this
    // edit's value where both changed a field), for the form the person chooses on.
    FieldValues merged;
};

// Who is editing and from where, the data and clock the edit uses, and whom to tell which
// cluster changed once a write is stored (the page cache, so that the public pages show
// the change at once: that cluster's pages and every aggregate, not the other clusters').
struct Editor
{
    persistence::Database& database;
    const Clock& clock;
    std::function<void(const std::string& clusterCode)> written;
    const Account& account;
    std::string address;
    // The client's Idempotency-Key for a create, scoped to the account; none from the forms.
    std::optional<persistence::RequestKey> requestKey;
    // When the request came with an API token: that token's expiry (none for an old token
    // made without one), so that a token never makes one that outlives it.
    bool viaToken = false;
    std::optional<long long> tokenExpiresAt{};
    persistence::AuditContext audit() const;
};

EditResult<ProgressReport> submitReport(const Editor& editor, const std::string& clusterCode,
                                        const ReportDraft& draft);
// Edits of a record made from `expectedVersion`. When someone saved since, the edit is merged
// field by field (tracker/merge.h): only what this edit changed is written; a field both
// changed is a Conflict, nothing written, until the person chooses. `keepTheirs`: the
// fields where they chose the other person's value.
EditResult<Cluster> updateRegistry(const Editor& editor, const std::string& clusterCode,
                                   const RegistryDraft& draft, int expectedVersion,
                                   const std::set<std::string>& keepTheirs = {});
// An official says which current unit(s) the cluster lies in, and on what evidence (the
// establishing decision, a site visit): the units become certain, the doubt is gone, and the
// audit keeps what the source had said.
struct UnitConfirmation
{
    std::vector<std::string> codes; // one, or two for a cluster that straddles
    std::string evidence;
};
EditResult<Cluster> confirmUnits(const Editor& editor, const std::string& clusterCode,
                                 const UnitConfirmation& confirmation, int expectedVersion,
                                 const AdminUnits& units);
EditResult<Tenant> createTenant(const Editor& editor, const std::string& clusterCode,
                                const TenantDraft& draft);
EditResult<Tenant> updateTenant(const Editor& editor, std::int64_t tenantId,
                                const TenantDraft& draft, int expectedVersion,
                                const std::set<std::string>& keepTheirs = {});
// `basedOn`: the latest baseline number the plan was drawn up from (0: never re-baselined);
// a conflict when someone re-baselined since.
EditResult<int> rebaseline(const Editor& editor, const std::string& clusterCode,
                           const std::vector<PlanDraft>& plan, const std::string& reason,
                           std::optional<int> basedOn,
                           const std::set<std::string>& keepTheirs = {});

// Acknowledges an open delay flag of a cluster the account answers for. The public pages
// name the account (its role when it has no name; never its email). With `expectedVersion`
// (the flag's version when the comment was written), a newer acknowledgement is a conflict.
EditResult<DelayFlag> acknowledgeDelay(const Editor& editor, std::int64_t flagId,
                                       const std::string& comment,
                                       std::optional<int> expectedVersion,
                                       const std::set<std::string>& keepTheirs = {});

} // namespace tracker::net
