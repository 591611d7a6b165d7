#include "net/operations/edit_operations.h"

#include "persistence/baseline_repository.h"
#include "persistence/kept_versions.h"
#include "persistence/registry_repository.h"
#include "persistence/report_repository.h"
#include "persistence/tenant_repository.h"
#include "tracker/enums.h"
#include "tracker/plausibility.h"
#include "tracker/text_checks.h"

#include <algorithm>
#include <map>

namespace tracker::net
{
namespace
{
template <typename Record> EditResult<Record> failed(EditStatus status)
{
    EditResult<Record> result;
    result.status = status;
    return result;
}

template <typename Record> EditResult<Record> invalid(FieldErrors errors)
{
    auto result = failed<Record>(EditStatus::Invalid);
    result.errors = std::move(errors);
    return result;
}

// A create whose key was used before: the first request's record (the same request, so the
// same content) with the id it got, or a refusal when the key came with something else.
template <typename Record>
EditResult<Record> repeated(Record record, const persistence::RepeatedRequest& first)
{
    if (!first.sameRequest)
        return invalid<Record>({{"Idempotency-Key", "Khóa này đã được dùng cho một yêu cầu khác.",
                                 "This key was already used for a different request."}});
    EditResult<Record> result;
    record.id = first.entityId;
    result.record = std::move(record);
    result.replayed = true;
    return result;
}

template <typename Record>
EditResult<Record> done(Record record, const Editor& editor, const std::string& clusterCode)
{
    if (editor.written)
        editor.written(clusterCode);
    EditResult<Record> result;
    result.record = std::move(record);
    return result;
}
} // namespace

persistence::AuditContext Editor::audit() const
{
    return {account.email, address, clock.nowRfc3339()};
}

EditResult<ProgressReport> submitReport(const Editor& editor, const std::string& clusterCode,
                                        const ReportDraft& draft)
{
    const auto found = persistence::RegistryRepository(editor.database).findCluster(clusterCode);
    if (!found)
        return failed<ProgressReport>(EditStatus::NotFound);
    if (!may(editor.account, ClusterAction::SubmitReport, found->cluster))
        return failed<ProgressReport>(EditStatus::Forbidden);
    auto checked = validateReport(draft, found->cluster, found->items, editor.clock.todayInHanoi());
    if (auto* errors = std::get_if<FieldErrors>(&checked))
        return invalid<ProgressReport>(std::move(*errors));
    auto report = std::get<ProgressReport>(std::move(checked));
    // The reports the doubts compare with: the nearest before the new one's date (for each
    // item it names) and every one after.
    std::vector<std::int64_t> named;
    for (const auto& line : report.lines)
        named.push_back(line.workItemId);
    const std::vector<ProgressReport> onRecord =
        persistence::ReportRepository(editor.database)
            .reportsAround(found->cluster.id, report.date, named);
    const auto doubts = reportDoubts(report, found->cluster, found->items, onRecord);
    const auto confirmation = confirmationOf(draft.confirm, draft.confirmReason);
    if (auto unconfirmed = unconfirmedDoubts(doubts, confirmation); !unconfirmed.empty())
        return invalid<ProgressReport>(std::move(unconfirmed));
    report.confirmedDoubts = confirmedDoubtText(doubts, confirmation);
    report.author = editor.account.name.empty() ? editor.account.email : editor.account.name;
    FieldErrors notices;
    if (const auto vi = olderReportNotice(report, onRecord, true); !vi.empty())
        notices.push_back({"date", vi, olderReportNotice(report, onRecord, false)});
    try
    {
        report.id = persistence::ReportRepository(editor.database)
                        .submitReport(report, editor.audit(), editor.requestKey);
    }
    catch (const persistence::RepeatedRequest& first)
    {
        return repeated(std::move(report), first);
    }
    auto result = done(std::move(report), editor, clusterCode);
    result.notices = std::move(notices);
    return result;
}

namespace
{
// What an edit started from: the record as it stands when nobody saved since, otherwise the
// version kept when someone saved over it (nothing when that was before versions were kept).
std::optional<FieldValues> baseOf(const Editor& editor, const char* entity, std::int64_t id,
                                  int expectedVersion, int currentVersion,
                                  const FieldValues& theirs)
{
    if (expectedVersion == currentVersion)
        return theirs;
    return persistence::keptVersion(editor.database, entity, id, expectedVersion);
}

// Someone saved first and changed a field this edit changed too: nothing is written; the
// person chooses, field by field, from `merge.merged` (their values) and the clashes.
template <typename Record> EditResult<Record> clashed(Record current, ThreeWayMerge merge)
{
    auto result = failed<Record>(EditStatus::Conflict);
    result.record = std::move(current);
    result.conflicts = std::move(merge.clashes);
    result.merged = std::move(merge.merged);
    return result;
}

// Saving over the version just read fails only when someone saved in between: the edit is
// merged again against theirs, a few times at most.
constexpr int kSaveAttempts = 3;
} // namespace

EditResult<Cluster> updateRegistry(const Editor& editor, const std::string& clusterCode,
                                   const RegistryDraft& draft, int expectedVersion,
                                   const std::set<std::string>& keepTheirs)
{
    persistence::RegistryRepository repository(editor.database);
    for (int attempt = 1;; ++attempt)
    {
        const auto found = repository.findCluster(clusterCode);
        if (!found)
            return failed<Cluster>(EditStatus::NotFound);
        const auto& current = found->cluster;
        if (!may(editor.account, ClusterAction::EditRegistry, current))
            return failed<Cluster>(EditStatus::Forbidden);
        auto yours = validateRegistry(draft, current);
        if (auto* errors = std::get_if<FieldErrors>(&yours))
            return invalid<Cluster>(std::move(*errors));
        const auto theirs = fieldValues(draftOf(current));
        auto merge = mergeThreeWay(
            baseOf(editor, "cluster", current.id, expectedVersion, current.version, theirs), theirs,
            fieldValues(draftOf(std::get<Cluster>(yours))), keepTheirs);
        if (!merge.clashes.empty())
            return clashed(current, std::move(merge));
        auto merged = validateRegistry(registryDraftOf(merge.merged), current);
        if (auto* errors = std::get_if<FieldErrors>(&merged))
            return invalid<Cluster>(std::move(*errors));
        auto saved =
            repository.updateRegistry(std::get<Cluster>(merged), current.version, editor.audit());
        if (saved.saved)
            return done(std::move(saved.current), editor, clusterCode);
        if (attempt == kSaveAttempts)
            return clashed(
                saved.current,
                mergeThreeWay(std::nullopt, fieldValues(draftOf(saved.current)), merge.merged));
    }
}

namespace
{
FieldErrors checkConfirmation(const UnitConfirmation& confirmation, const AdminUnits& units)
{
    FieldErrors errors;
    if (confirmation.codes.empty())
        errors.push_back({"unit_1", "Chọn xã, phường nơi cụm nằm.",
                          "Choose the commune or ward the cluster lies in."});
    for (const auto& code : confirmation.codes)
        if (!units.byCode(code))
            errors.push_back({"unit_1", "Không có xã, phường mã “" + code + "”.",
                              "No commune or ward has the code “" + code + "”."});
    const auto& evidence = confirmation.evidence;
    if (evidence.empty() || evidence.size() > 1000 || !isValidUtf8(evidence) ||
        hasControlCharacters(evidence))
        errors.push_back(
            {"evidence",
             "Ghi căn cứ xác nhận (quyết định thành lập, biên bản…), tối đa 1000 ký tự.",
             "Give the evidence (the establishing decision, a site record…), at most "
             "1000 characters."});
    return errors;
}
} // namespace

EditResult<Cluster> confirmUnits(const Editor& editor, const std::string& clusterCode,
                                 const UnitConfirmation& confirmation, int expectedVersion,
                                 const AdminUnits& units)
{
    persistence::RegistryRepository repository(editor.database);
    for (int attempt = 1;; ++attempt)
    {
        const auto found = repository.findCluster(clusterCode);
        if (!found)
            return failed<Cluster>(EditStatus::NotFound);
        const auto& current = found->cluster;
        if (!may(editor.account, ClusterAction::EditRegistry, current))
            return failed<Cluster>(EditStatus::Forbidden);
        if (auto errors = checkConfirmation(confirmation, units); !errors.empty())
            return invalid<Cluster>(std::move(errors));
        // Someone saved since this form was opened: a conflict only when they changed the
        // units too (a registry edit meanwhile is no reason to ask again).
        const auto theirs = placementValues(current);
        const auto base =
            baseOf(editor, "cluster", current.id, expectedVersion, current.version, theirs);
        const bool unitsMoved =
            !base ||
            std::any_of(theirs.begin(), theirs.end(),
                        [&](const auto& field)
                        { return std::find(base->begin(), base->end(), field) == base->end(); });
        Cluster next = current;
        next.units.clear();
        for (const auto& code : confirmation.codes)
            if (std::none_of(next.units.begin(), next.units.end(),
                             [&](const PlacedUnit& unit) { return unit.code == code; }))
                next.units.push_back({code, true});
        next.unitBasis = UnitBasis::Confirmed;
        next.unitSource = confirmation.evidence + " — " + editor.account.email + ", " +
                          editor.clock.todayInHanoi().iso();
        next.unitNote = "Trước khi xác nhận: " + formatPlacedUnits(current.units) + " (" +
                        std::string(code(current.unitBasis)) + ")";
        if (unitsMoved || attempt > kSaveAttempts)
        {
            auto result = failed<Cluster>(EditStatus::Conflict);
            result.conflicts = changesBetween(current, next);
            result.record = current;
            return result;
        }
        auto saved = repository.placeUnits(next, current.version, editor.audit());
        if (saved.saved)
            return done(std::move(saved.current), editor, clusterCode);
    }
}

namespace
{
// The tenant's doubts against its cluster's other tenants and the portfolio's same MST:
// the field errors while they are not confirmed; once they are, the record keeps what was
// confirmed and why. An edit is asked only about what it changes: a doubt the stored record
// (`before`) already raised, or confirmed, is not raised again.
// The cluster's tenants as they stand, for the lease check.
std::vector<Tenant> neighboursOf(const Editor& editor, const Cluster& cluster)
{
    const auto editable =
        persistence::RegistryRepository(editor.database).findCluster(cluster.code);
    return editable ? editable->tenants : std::vector<Tenant>{};
}

FieldErrors confirmTenantDoubts(const Editor& editor, Tenant& tenant, const Cluster& cluster,
                                const std::vector<Tenant>& neighbours, const TenantDraft& draft,
                                const Tenant* before = nullptr)
{
    persistence::TenantRepository tenants(editor.database);
    const auto sameTaxCode = tenants.withTaxCode(tenant.taxCode);
    auto doubts = tenantDoubts(tenant, cluster, neighbours, sameTaxCode);
    if (before)
    {
        const auto earlier = tenantDoubts(
            *before, cluster, neighbours,
            before->taxCode == tenant.taxCode ? sameTaxCode : tenants.withTaxCode(before->taxCode));
        std::erase_if(doubts,
                      [&](const Doubt& d)
                      {
                          return std::any_of(earlier.begin(), earlier.end(),
                                             [&](const Doubt& e) { return e.code == d.code; });
                      });
    }
    auto confirmation = confirmationOf(draft.confirm, draft.confirmReason);
    if (!confirmation.confirmed && before)
        confirmation = confirmedBefore(doubts, before->confirmedDoubts);
    auto unconfirmed = unconfirmedDoubts(doubts, confirmation);
    if (unconfirmed.empty())
        tenant.confirmedDoubts = doubts.empty() && before
                                     ? before->confirmedDoubts
                                     : confirmedDoubtText(doubts, confirmation);
    return unconfirmed;
}
} // namespace

EditResult<Tenant> createTenant(const Editor& editor, const std::string& clusterCode,
                                const TenantDraft& draft)
{
    const auto found = persistence::RegistryRepository(editor.database).findCluster(clusterCode);
    if (!found)
        return failed<Tenant>(EditStatus::NotFound);
    if (!may(editor.account, ClusterAction::EditTenants, found->cluster))
        return failed<Tenant>(EditStatus::Forbidden);
    auto checked = validateTenant(draft, editor.clock.todayInHanoi());
    if (auto* errors = std::get_if<FieldErrors>(&checked))
        return invalid<Tenant>(std::move(*errors));
    auto tenant = std::get<Tenant>(std::move(checked));
    tenant.clusterId = found->cluster.id;
    if (auto unconfirmed =
            confirmTenantDoubts(editor, tenant, found->cluster, found->tenants, draft);
        !unconfirmed.empty())
        return invalid<Tenant>(std::move(unconfirmed));
    try
    {
        tenant.id = persistence::TenantRepository(editor.database)
                        .createTenant(tenant, editor.audit(), editor.requestKey);
    }
    catch (const persistence::RepeatedRequest& first)
    {
        return repeated(std::move(tenant), first);
    }
    return done(std::move(tenant), editor, clusterCode);
}

EditResult<Tenant> updateTenant(const Editor& editor, std::int64_t tenantId,
                                const TenantDraft& draft, int expectedVersion,
                                const std::set<std::string>& keepTheirs)
{
    persistence::TenantRepository repository(editor.database);
    for (int attempt = 1;; ++attempt)
    {
        const auto tenant = repository.findTenant(tenantId);
        const auto owner = tenant ? persistence::RegistryRepository(editor.database)
                                        .findClusterById(tenant->clusterId)
                                  : std::nullopt;
        if (!tenant || !owner)
            return failed<Tenant>(EditStatus::NotFound);
        if (!may(editor.account, ClusterAction::EditTenants, *owner))
            return failed<Tenant>(EditStatus::Forbidden);
        const auto today = editor.clock.todayInHanoi();
        auto yours = validateTenant(draft, today);
        if (auto* errors = std::get_if<FieldErrors>(&yours))
            return invalid<Tenant>(std::move(*errors));
        const auto theirs = fieldValues(draftOf(*tenant));
        auto merge = mergeThreeWay(
            baseOf(editor, "tenant", tenant->id, expectedVersion, tenant->version, theirs), theirs,
            fieldValues(draftOf(std::get<Tenant>(yours))), keepTheirs);
        if (!merge.clashes.empty())
            return clashed(*tenant, std::move(merge));
        auto mergedDraft = tenantDraftOf(merge.merged);
        mergedDraft.confirm = draft.confirm;
        mergedDraft.confirmReason = draft.confirmReason;
        auto checked = validateTenant(mergedDraft, today);
        if (auto* errors = std::get_if<FieldErrors>(&checked))
            return invalid<Tenant>(std::move(*errors));
        auto next = std::get<Tenant>(std::move(checked));
        next.id = tenant->id;
        next.clusterId = tenant->clusterId;
        if (auto unconfirmed = confirmTenantDoubts(
                editor, next, *owner, neighboursOf(editor, *owner), mergedDraft, &*tenant);
            !unconfirmed.empty())
            return invalid<Tenant>(std::move(unconfirmed));
        auto saved = repository.updateTenant(next, tenant->version, editor.audit());
        if (saved.saved)
            return done(std::move(saved.current), editor, owner->code);
        if (attempt == kSaveAttempts)
            return clashed(
                saved.current,
                mergeThreeWay(std::nullopt, fieldValues(draftOf(saved.current)), merge.merged));
    }
}

namespace
{
// A plan's dates and budgets by the names its drafts carry ("items[2].planned_start"), for
// the items the drafts name; `indexOf`: work item id → the draft's position.
FieldValues planValues(const std::vector<WorkItem>& items,
                       const std::map<std::int64_t, std::size_t>& indexOf)
{
    FieldValues values;
    for (const auto& item : items)
        if (const auto at = indexOf.find(item.id); at != indexOf.end())
        {
            const auto prefix = "items[" + std::to_string(at->second) + "].";
            values.emplace_back(prefix + "planned_start", item.plannedStart.iso());
            values.emplace_back(prefix + "planned_finish", item.plannedFinish.iso());
            values.emplace_back(prefix + "budget_vnd", std::to_string(item.budget));
        }
    return values;
}

std::map<std::int64_t, std::size_t> draftIndex(const std::vector<PlanDraft>& plan)
{
    std::map<std::int64_t, std::size_t> index;
    for (std::size_t i = 0; i < plan.size(); ++i)
        if (!plan[i].workItem.empty())
            index.emplace(parseWholeNumberOrZero(plan[i].workItem), i);
    return index;
}

// The plan the re-baselining was drawn up from: baseline `basedOn`, or the original plan
// (kept as baseline 1 by the first re-baselining) when it was drawn up before any.
std::optional<std::vector<WorkItem>> basePlan(persistence::BaselineRepository& repository,
                                              std::int64_t clusterId, int basedOn)
{
    for (const auto& baseline : repository.baselines(clusterId))
        if (baseline.number == std::max(basedOn, 1))
            return baseline.items;
    return std::nullopt;
}
} // namespace

EditResult<int> rebaseline(const Editor& editor, const std::string& clusterCode,
                           const std::vector<PlanDraft>& plan, const std::string& reason,
                           std::optional<int> basedOn, const std::set<std::string>& keepTheirs)
{
    persistence::BaselineRepository repository(editor.database);
    auto drafts = plan;
    auto from = basedOn;
    for (int attempt = 1;; ++attempt)
    {
        const auto found =
            persistence::RegistryRepository(editor.database).findCluster(clusterCode);
        if (!found)
            return failed<int>(EditStatus::NotFound);
        if (!may(editor.account, ClusterAction::EditSchedule, found->cluster))
            return failed<int>(EditStatus::Forbidden);
        auto checked = validateRebaseline(drafts, reason, found->items);
        if (auto* errors = std::get_if<FieldErrors>(&checked))
            return invalid<int>(std::move(*errors));
        if (const auto number =
                repository.rebaseline(found->cluster.id, std::get<std::vector<WorkItem>>(checked),
                                      reason, editor.audit(), from))
            return done(*number, editor, clusterCode);
        // Someone re-baselined since: merge this plan with theirs, item by item.
        const auto latest = repository.latestBaseline(found->cluster.id);
        const auto index = draftIndex(plan);
        const auto base = basePlan(repository, found->cluster.id, *basedOn);
        const auto theirs = planValues(found->items, index);
        auto yours = validateRebaseline(plan, reason, found->items);
        if (auto* errors = std::get_if<FieldErrors>(&yours))
            return invalid<int>(std::move(*errors));
        auto merge =
            mergeThreeWay(base ? std::optional(planValues(*base, index)) : std::nullopt, theirs,
                          planValues(std::get<std::vector<WorkItem>>(yours), index), keepTheirs);
        if (!merge.clashes.empty() || attempt == kSaveAttempts)
            return clashed(latest, std::move(merge));
        drafts = planWith(plan, merge.merged);
        from = latest;
    }
}

EditResult<DelayFlag> acknowledgeDelay(const Editor& editor, std::int64_t flagId,
                                       const std::string& comment,
                                       std::optional<int> expectedVersion,
                                       const std::set<std::string>& keepTheirs)
{
    using persistence::Acknowledgement;
    persistence::DelayFlagRepository flags(editor.database);
    const auto flag = flags.findFlag(flagId);
    if (!flag)
        return failed<DelayFlag>(EditStatus::NotFound);
    const auto cluster =
        persistence::RegistryRepository(editor.database).findClusterById(flag->clusterId);
    if (!cluster || !may(editor.account, ClusterAction::AcknowledgeDelay, *cluster))
        return failed<DelayFlag>(EditStatus::Forbidden);
    auto errors = validateAcknowledgement(comment, flag->resolvedOn.has_value());
    if (!errors.empty())
        return invalid<DelayFlag>(std::move(errors));
    const std::string by = editor.account.name.empty() ? std::string(labelVi(editor.account.role))
                                                       : editor.account.name;
    auto version = expectedVersion;
    std::string yours = comment;
    if (keepTheirs.count("comment")) // chose the other official's comment, shown at `version`
    {
        const FieldValues theirs{{"comment", flag->acknowledgement}};
        yours = mergeThreeWay(baseOf(editor, "delay_flag", flagId, version.value_or(flag->version),
                                     flag->version, theirs),
                              theirs, {{"comment", comment}}, keepTheirs)
                    .merged.front()
                    .second;
        if (yours == flag->acknowledgement)
            return done(*flag, editor, cluster->code);
    }
    for (int attempt = 1;; ++attempt)
    {
        const auto outcome = flags.acknowledge(flagId, by, yours, editor.clock.todayInHanoi(),
                                               editor.audit(), version);
        if (outcome == Acknowledgement::NotOpen) // resolved by a scan meanwhile
            return invalid<DelayFlag>(validateAcknowledgement(comment, true));
        const auto now = *flags.findFlag(flagId);
        if (outcome == Acknowledgement::Done)
            return done(now, editor, cluster->code);
        // Someone acknowledged since this comment was begun.
        const FieldValues theirs{{"comment", now.acknowledgement}};
        auto merge = mergeThreeWay(
            baseOf(editor, "delay_flag", flagId, *expectedVersion, now.version, theirs), theirs,
            {{"comment", comment}}, keepTheirs);
        if (!merge.clashes.empty() || attempt == kSaveAttempts)
            return clashed(now, std::move(merge));
        if (merge.merged.front().second == now.acknowledgement)
            return done(now, editor, cluster->code); // theirs says it: nothing to write
        yours = merge.merged.front().second;
        version = now.version;
    }
}

} // namespace tracker::net
