#include "persistence/edit_repository.h"

#include "persistence/cluster_rows.h"
#include "persistence/cluster_writer.h"
#include "persistence/nullable.h"
#include "persistence/row_values.h"
#include "tracker/audit.h"
#include "tracker/enums.h"

#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
std::optional<Cluster> clusterWhere(soci::session& session, const std::string& where,
                                    const std::string& parameter)
{
    std::optional<Cluster> found;
    forEachRow(
        session, std::string("SELECT ") + kClusterColumns + " FROM clusters " + where, {parameter},
        [&](const soci::row& row) { found = clusterFromRow(row); }, 1);
    return found;
}

std::vector<WorkItem> itemsOf(soci::session& session, std::int64_t clusterId)
{
    std::vector<WorkItem> items;
    forEachRow(session,
               std::string("SELECT ") + kWorkItemColumns +
                   " FROM work_items WHERE cluster_id = :c ORDER BY id",
               {std::to_string(clusterId)},
               [&](const soci::row& row) { items.push_back(workItemFromRow(row)); });
    return items;
}

std::optional<Tenant> tenantWhere(soci::session& session, std::int64_t id)
{
    std::optional<Tenant> found;
    forEachRow(
        session, std::string("SELECT ") + kTenantColumns + " FROM tenants WHERE id = :i",
        {std::to_string(id)}, [&](const soci::row& row) { found = tenantFromRow(row); }, 1);
    return found;
}

bool updateRegistryRow(soci::session& session, const Cluster& c, int expectedVersion)
{
    NullableText commune(c.commune), developer(c.developer), decisionNumber(c.decisionNumber),
        start(c.plannedStart), finish(c.plannedFinish), sourceUrl(c.sourceUrl),
        sourceNotes(c.sourceNotes);
    NullableInteger total(c.totalArea), industrial(c.industrialArea),
        investment(c.plannedInvestment);
    const std::string status(code(c.status)), statusProvenance(code(c.statusProvenance));
    const long long id = c.id;
    soci::statement update =
        (session.prepare << "UPDATE clusters SET name_vi = :name, commune = :commune, "
                            "developer = :developer, total_area_m2 = :total, "
                            "industrial_area_m2 = :industrial, planned_investment_vnd = :inv, "
                            "status = :status, status_provenance = :sp, planned_start = :start, "
                            "planned_finish = :finish, decision_number = :dn, "
                            "source_url = :url, source_notes = :notes, version = version + 1 "
                            "WHERE id = :id AND version = :version",
         soci::use(c.nameVi), soci::use(commune.value, commune.indicator),
         soci::use(developer.value, developer.indicator), soci::use(total.value, total.indicator),
         soci::use(industrial.value, industrial.indicator),
         soci::use(investment.value, investment.indicator), soci::use(status),
         soci::use(statusProvenance), soci::use(start.value, start.indicator),
         soci::use(finish.value, finish.indicator),
         soci::use(decisionNumber.value, decisionNumber.indicator),
         soci::use(sourceUrl.value, sourceUrl.indicator),
         soci::use(sourceNotes.value, sourceNotes.indicator), soci::use(id),
         soci::use(expectedVersion));
    update.execute(true);
    return update.get_affected_rows() == 1;
}

bool updateTenantRow(soci::session& session, const Tenant& t, int expectedVersion)
{
    const long long id = t.id, leased = t.leasedArea, capital = t.registeredCapital;
    const int supporting = t.supportingIndustry ? 1 : 0;
    const std::string status(code(t.status));
    NullableText sector(t.sector), leaseStart(t.leaseStart);
    soci::statement update =
        (session.prepare << "UPDATE tenants SET company_name = :name, tax_code = :tax, "
                            "sector = :sector, supporting_industry = :supporting, "
                            "leased_area_m2 = :leased, registered_capital_vnd = :capital, "
                            "jobs = :jobs, status = :status, lease_start = :lease, "
                            "provenance = 'sourced', version = version + 1 "
                            "WHERE id = :id AND version = :version",
         soci::use(t.companyName), soci::use(t.taxCode), soci::use(sector.value, sector.indicator),
         soci::use(supporting), soci::use(leased), soci::use(capital), soci::use(t.jobs),
         soci::use(status), soci::use(leaseStart.value, leaseStart.indicator), soci::use(id),
         soci::use(expectedVersion));
    update.execute(true);
    return update.get_affected_rows() == 1;
}

void setItemPlan(soci::session& session, const WorkItem& item)
{
    const long long id = item.id, budget = item.budget;
    const std::string start = item.plannedStart.iso(), finish = item.plannedFinish.iso();
    session << "UPDATE work_items SET planned_start = :s, planned_finish = :f, budget_vnd = :b, "
               "version = version + 1 WHERE id = :i",
        soci::use(start), soci::use(finish), soci::use(budget), soci::use(id);
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
    session << "INSERT INTO baselines (cluster_id, number, reason, created_by, created_at) "
               "VALUES (:c, :n, :r, :b, :a)",
        soci::use(clusterId), soci::use(number), soci::use(reason), soci::use(context.actor),
        soci::use(context.at);
    long long id = 0;
    if (!session.get_last_insert_id("baselines", id))
        throw std::runtime_error("no id for the new baseline");
    for (const auto& item : plan)
    {
        const long long itemId = item.id, budget = item.budget;
        const std::string start = item.plannedStart.iso(), finish = item.plannedFinish.iso();
        session << "INSERT INTO baseline_items (baseline_id, work_item_id, planned_start, "
                   "planned_finish, budget_vnd) VALUES (:b, :i, :s, :f, :v)",
            soci::use(id), soci::use(itemId), soci::use(start), soci::use(finish),
            soci::use(budget);
    }
    return id;
}
} // namespace

std::optional<EditableCluster> EditRepository::findCluster(const std::string& code)
{
    std::optional<EditableCluster> found;
    _database.withSession(
        [&](soci::session& session)
        {
            found.reset();
            const auto cluster = clusterWhere(session, "WHERE code = :c", code);
            if (!cluster)
                return;
            found = EditableCluster{*cluster, itemsOf(session, cluster->id), {}};
            forEachRow(session,
                       std::string("SELECT ") + kTenantColumns +
                           " FROM tenants WHERE cluster_id = :c ORDER BY id",
                       {std::to_string(cluster->id)},
                       [&](const soci::row& row) { found->tenants.push_back(tenantFromRow(row)); });
        });
    return found;
}

std::optional<Cluster> EditRepository::findClusterById(std::int64_t id)
{
    std::optional<Cluster> found;
    _database.withSession([&](soci::session& session)
                          { found = clusterWhere(session, "WHERE id = :i", std::to_string(id)); });
    return found;
}

std::optional<Vnd> EditRepository::latestDisbursed(std::int64_t clusterId)
{
    std::optional<Vnd> found;
    _database.withSession(
        [&](soci::session& session)
        {
            forEachRow(
                session,
                "SELECT disbursed_vnd FROM progress_reports WHERE cluster_id = :c "
                "ORDER BY report_date DESC, id DESC",
                {std::to_string(clusterId)},
                [&](const soci::row& row) { found = integer(row, "disbursed_vnd"); }, 1);
        });
    return found;
}

std::optional<Tenant> EditRepository::findTenant(std::int64_t id)
{
    std::optional<Tenant> found;
    _database.withSession([&](soci::session& session) { found = tenantWhere(session, id); });
    return found;
}

std::int64_t EditRepository::submitReport(const ProgressReport& report, const AuditContext& context)
{
    std::int64_t id = 0;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            id = insertProgressReport(session, report);
            for (const auto& line : report.lines)
            {
                const long long itemId = line.workItemId;
                session << "UPDATE work_items SET percent_done = :p, version = version + 1 "
                           "WHERE id = :i",
                    soci::use(line.percent), soci::use(itemId);
            }
            appendAudit(session, context, "progress_report", id, "create",
                        toJson(creationOf(report)), report.clusterId);
            transaction.commit();
        });
    return id;
}

SaveResult<Cluster> EditRepository::updateRegistry(const Cluster& next, int expectedVersion,
                                                   const AuditContext& context)
{
    SaveResult<Cluster> result;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            const std::string id = std::to_string(next.id);
            const auto before = clusterWhere(session, "WHERE id = :i", id);
            if (!before)
                throw std::runtime_error("no cluster " + id);
            result.saved = updateRegistryRow(session, next, expectedVersion);
            if (result.saved)
                appendAudit(session, context, "cluster", next.id, "update",
                            toJson(changesBetween(*before, next)), next.id);
            result.current = *clusterWhere(session, "WHERE id = :i", id);
            transaction.commit();
        });
    return result;
}

std::int64_t EditRepository::createTenant(const Tenant& tenant, const AuditContext& context)
{
    std::int64_t id = 0;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            id = insertTenant(session, tenant);
            appendAudit(session, context, "tenant", id, "create", toJson(creationOf(tenant)),
                        tenant.clusterId);
            transaction.commit();
        });
    return id;
}

SaveResult<Tenant> EditRepository::updateTenant(const Tenant& next, int expectedVersion,
                                                const AuditContext& context)
{
    SaveResult<Tenant> result;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            const auto before = tenantWhere(session, next.id);
            if (!before)
                throw std::runtime_error("no tenant " + std::to_string(next.id));
            result.saved = updateTenantRow(session, next, expectedVersion);
            if (result.saved)
                appendAudit(session, context, "tenant", next.id, "update",
                            toJson(changesBetween(*before, next)), next.clusterId);
            result.current = *tenantWhere(session, next.id);
            transaction.commit();
        });
    return result;
}

int EditRepository::latestBaseline(std::int64_t clusterId)
{
    int latest = 0;
    _database.withSession(
        [&](soci::session& session)
        {
            const long long cluster = clusterId;
            soci::indicator none = soci::i_null;
            session << "SELECT MAX(number) FROM baselines WHERE cluster_id = :c",
                soci::use(cluster), soci::into(latest, none);
            if (none != soci::i_ok)
                latest = 0;
        });
    return latest;
}

std::optional<int> EditRepository::rebaseline(std::int64_t clusterId,
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
            const long long cluster = clusterId;
            int latest = 0;
            soci::indicator none = soci::i_null;
            session << "SELECT MAX(number) FROM baselines WHERE cluster_id = :c",
                soci::use(cluster), soci::into(latest, none);
            if (none != soci::i_ok)
                latest = 0;
            number.reset();
            if (basedOn && *basedOn != latest)
                return; // someone re-baselined since this plan was drawn up
            const auto before = itemsOf(session, clusterId);
            if (latest == 0)
                latest = 1, insertBaseline(session, cluster, 1, "Kế hoạch ban đầu (original plan)",
                                           context, before);
            number = latest + 1;
            auto newPlan = plan;
            for (auto& item : newPlan)
                if (item.id == 0)
                    item.id = addWorkItem(session, clusterId, item, context);
            const long long id =
                insertBaseline(session, cluster, *number, reason, context, newPlan);
            FieldChanges changes{{"reason", "", reason}};
            for (const auto& item : newPlan)
                for (const auto& old : before)
                    if (old.id == item.id)
                        for (auto change : changesBetween(old, item))
                        {
                            change.field =
                                "work_item:" + std::to_string(item.id) + "." + change.field;
                            changes.push_back(change);
                        }
            for (const auto& item : newPlan)
                setItemPlan(session, item);
            appendAudit(session, context, "baseline", id, "rebaseline", toJson(changes), clusterId);
            transaction.commit();
        });
    return number;
}

void EditRepository::importRecords(const std::vector<Tenant>& tenants,
                                   const std::vector<ProgressReport>& reports,
                                   const AuditContext& context,
                                   const std::function<void(std::size_t)>& progress,
                                   const std::string& importJobId)
{
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            std::size_t written = 0;
            const auto tick = [&]
            {
                if (progress && ++written % 1000 == 0)
                    progress(written);
            };
            for (const auto& tenant : tenants)
            {
                const auto id = insertTenant(session, tenant);
                appendAudit(session, context, "tenant", id, "import", toJson(creationOf(tenant)),
                            tenant.clusterId);
                tick();
            }
            for (const auto& report : reports)
            {
                const auto id = insertProgressReport(session, report);
                for (const auto& line : report.lines)
                {
                    const long long itemId = line.workItemId;
                    session << "UPDATE work_items SET percent_done = :p, version = version + 1 "
                               "WHERE id = :i",
                        soci::use(line.percent), soci::use(itemId);
                }
                appendAudit(session, context, "progress_report", id, "import",
                            toJson(creationOf(report)), report.clusterId);
                tick();
            }
            if (!importJobId.empty())
                session << "UPDATE import_jobs SET state = 'written' WHERE id = :i",
                    soci::use(importJobId);
            transaction.commit();
        });
}

std::vector<Baseline> EditRepository::baselines(std::int64_t clusterId)
{
    std::vector<Baseline> result;
    _database.withSession(
        [&](soci::session& session)
        {
            result.clear();
            forEachRow(session,
                       "SELECT id, number, reason, created_by, created_at FROM baselines "
                       "WHERE cluster_id = :c ORDER BY number",
                       {std::to_string(clusterId)},
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
                forEachRow(session,
                           "SELECT work_item_id, planned_start, planned_finish, budget_vnd "
                           "FROM baseline_items WHERE baseline_id = :b ORDER BY work_item_id",
                           {std::to_string(baseline.id)},
                           [&](const soci::row& row)
                           {
                               WorkItem item;
                               item.id = integer(row, "work_item_id");
                               item.plannedStart = date(row, "planned_start");
                               item.plannedFinish = date(row, "planned_finish");
                               item.budget = integer(row, "budget_vnd");
                               baseline.items.push_back(item);
                           });
        });
    return result;
}

} // namespace tracker::persistence
