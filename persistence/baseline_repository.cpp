#include "persistence/baseline_repository.h"

#include "persistence/cluster_rows.h"
#include "persistence/cluster_writer.h"
#include "persistence/row_values.h"
#include "tracker/audit.h"

#include <soci/soci.h>
#include <stdexcept>

namespace tracker::persistence
{
namespace
{
constexpr const char* kLatestNumber = "SELECT MAX(number) FROM baselines WHERE cluster_id = :c";
constexpr const char* kInsertBaseline =
    "INSERT INTO baselines (cluster_id, number, reason, created_by, created_at) "
    "VALUES (:c, :n, :r, :b, :a)";
constexpr const char* kInsertBaselineItem =
    "INSERT INTO baseline_items (baseline_id, work_item_id, planned_start, planned_finish, "
    "budget_vnd) VALUES (:b, :i, :s, :f, :v)";
constexpr const char* kSetItemPlan =
    "UPDATE work_items SET planned_start = :s, planned_finish = :f, budget_vnd = :b, "
    "version = version + 1 WHERE id = :i";
constexpr const char* kBaselinesOfCluster =
    "SELECT id, number, reason, created_by, created_at FROM baselines WHERE cluster_id = :c "
    "ORDER BY number";
constexpr const char* kItemsOfBaseline =
    "SELECT work_item_id, planned_start, planned_finish, budget_vnd FROM baseline_items "
    "WHERE baseline_id = :b ORDER BY work_item_id";
constexpr const char* kLatestBaseline =
    "SELECT id, number, reason, created_at FROM baselines WHERE cluster_id = :c "
    "ORDER BY number DESC";
constexpr const char* kOriginalBaseline =
    "SELECT id FROM baselines WHERE cluster_id = :c AND number = 1";
constexpr const char* kOriginalPlanReason = "Kế hoạch ban đầu (original plan)";

int latestNumber(soci::session& session, long long clusterId)
{
    int latest = 0;
    soci::indicator none = soci::i_null;
    session << kLatestNumber, soci::use(clusterId), soci::into(latest, none);
    return none == soci::i_ok ? latest : 0;
}

void setItemPlan(soci::session& session, const WorkItem& item)
{
    const long long id = item.id, budget = item.budget;
    const std::string start = item.plannedStart.iso(), finish = item.plannedFinish.iso();
    session << kSetItemPlan, soci::use(start), soci::use(finish), soci::use(budget), soci::use(id);
}

// A work item added by re-baselining, with its own audit entry.
std::int64_t addWorkItem(soci::session& session, std::int64_t clusterId, WorkItem item,
                         const AuditContext& context)
{
    item.clusterId = clusterId;
    item.percentDone = 0;
    const auto id = insertWorkItem(session, item);
    appendAudit(session, context, "work_item", id, "create", toJson(creationOf(item)), clusterId);
    return id;
}

long long insertBaseline(soci::session& session, long long clusterId, int number,
                         const std::string& reason, const AuditContext& context,
                         const std::vector<WorkItem>& plan)
{
    session << kInsertBaseline, soci::use(clusterId), soci::use(number), soci::use(reason),
        soci::use(context.actor), soci::use(context.at);
    long long id = 0;
    if (!session.get_last_insert_id("baselines", id))
        throw std::runtime_error("no id for the new baseline");
    for (const auto& item : plan)
    {
        const long long itemId = item.id, budget = item.budget;
        const std::string start = item.plannedStart.iso(), finish = item.plannedFinish.iso();
        session << kInsertBaselineItem, soci::use(id), soci::use(itemId), soci::use(start),
            soci::use(finish), soci::use(budget);
    }
    return id;
}

// What re-baselining changed, for the audit log: the reason, and each item's dates and budget.
FieldChanges planChanges(const std::vector<WorkItem>& before, const std::vector<WorkItem>& after,
                         const std::string& reason)
{
    FieldChanges changes{{"reason", "", reason}};
    for (const auto& item : after)
        for (const auto& old : before)
            if (old.id == item.id)
                for (auto change : changesBetween(old, item))
                {
                    change.field = "work_item:" + std::to_string(item.id) + "." + change.field;
                    changes.push_back(change);
                }
    return changes;
}

std::vector<WorkItem> itemsOfBaseline(soci::session& session, std::int64_t baselineId)
{
    std::vector<WorkItem> items;
    forEachRow(session, kItemsOfBaseline, {std::to_string(baselineId)},
               [&](const soci::row& row)
               {
                   WorkItem item;
                   item.id = integer(row, "work_item_id");
                   item.plannedStart = date(row, "planned_start");
                   item.plannedFinish = date(row, "planned_finish");
                   item.budget = integer(row, "budget_vnd");
                   items.push_back(item);
               });
    return items;
}
} // namespace

PlanBasis planBasisOf(soci::session& session, std::int64_t clusterId,
                      const std::vector<WorkItem>& items)
{
    PlanBasis basis;
    forEachRow(
        session, kLatestBaseline, {std::to_string(clusterId)},
        [&](const soci::row& row)
        {
            basis.number = static_cast<int>(integer(row, "number"));
            basis.reason = text(row, "reason");
            basis.approvedAt = text(row, "created_at");
        },
        1);
    if (!basis.rebaselined())
        return basis;
    long long original = 0;
    const long long cluster = clusterId;
    session << kOriginalBaseline, soci::use(cluster), soci::into(original);
    if (session.got_data())
        basis.original = asPlannedIn(items, itemsOfBaseline(session, original));
    return basis;
}

int BaselineRepository::latestBaseline(std::int64_t clusterId)
{
    int latest = 0;
    _database.withSession([&](soci::session& session)
                          { latest = latestNumber(session, clusterId); });
    return latest;
}

std::optional<int> BaselineRepository::rebaseline(std::int64_t clusterId,
                                                  const std::vector<WorkItem>& plan,
                                                  const std::string& reason,
                                                  const AuditContext& context,
                                                  std::optional<int> basedOn)
{
    std::optional<int> number;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            int latest = latestNumber(session, clusterId);
            number.reset();
            if (basedOn && *basedOn != latest)
                return; // someone re-baselined since this plan was drawn up
            const auto before = itemsOf(session, clusterId);
            if (latest == 0)
                latest = 1,
                insertBaseline(session, clusterId, 1, kOriginalPlanReason, context, before);
            number = latest + 1;
            auto newPlan = plan;
            for (auto& item : newPlan)
                if (item.id == 0)
                    item.id = addWorkItem(session, clusterId, item, context);
            const long long id =
                insertBaseline(session, clusterId, *number, reason, context, newPlan);
            for (const auto& item : newPlan)
                setItemPlan(session, item);
            appendAudit(session, context, "baseline", id, "rebaseline",
                        toJson(planChanges(before, newPlan, reason)), clusterId);
            transaction.commit();
        });
    return number;
}

std::vector<Baseline> BaselineRepository::baselines(std::int64_t clusterId)
{
    std::vector<Baseline> result;
    _database.withSession(
        [&](soci::session& session)
        {
            result.clear();
            forEachRow(session, kBaselinesOfCluster, {std::to_string(clusterId)},
                       [&](const soci::row& row)
                       {
                           result.push_back({integer(row, "id"),
                                             static_cast<int>(integer(row, "number")),
                                             text(row, "reason"),
                                             text(row, "created_by"),
                                             text(row, "created_at"),
                                             {}});
                       });
            for (auto& baseline : result)
                baseline.items = itemsOfBaseline(session, baseline.id);
        });
    return result;
}

} // namespace tracker::persistence
