#include "persistence/audit_repository.h"

#include "persistence/row_values.h"

#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
constexpr const char* kInsertAuditLog =
    "INSERT INTO audit_log (at, actor, address, entity, entity_id, cluster_id, action, changes) "
    "VALUES (:at, :actor, :address, :entity, :id, :cluster, :action, :changes)";
constexpr const char* kAuditedChangesAfter =
    "SELECT a.id AS id, c.code AS code FROM audit_log a LEFT JOIN clusters c ON c.id = "
    "a.cluster_id "
    "WHERE a.id > :after ORDER BY a.id LIMIT :most";
constexpr const char* kMaxAuditLogId = "SELECT MAX(id) FROM audit_log";
} // namespace

void appendAudit(soci::session& session, const AuditContext& context, const std::string& entity,
                 std::int64_t entityId, const std::string& action, const std::string& changes,
                 std::int64_t clusterId)
{
    const long long id = entityId;
    const long long cluster = clusterId;
    soci::indicator clusterIndicator = clusterId == 0 ? soci::i_null : soci::i_ok;
    session << kInsertAuditLog, soci::use(context.at), soci::use(context.actor),
        soci::use(context.address), soci::use(entity), soci::use(id),
        soci::use(cluster, clusterIndicator), soci::use(action), soci::use(changes);
}

void appendAuditNow(Database& database, const AuditContext& context, const std::string& entity,
                    std::int64_t entityId, const std::string& action, const std::string& changes)
{
    database.withSession([&](soci::session& session)
                         { appendAudit(session, context, entity, entityId, action, changes); });
}

std::vector<AuditEntry> listAudit(Database& database, const AuditFilter& filter)
{
    std::string sql = "SELECT id, at, actor, address, entity, entity_id, cluster_id, action, "
                      "changes "
                      "FROM audit_log WHERE 1 = 1";
    std::vector<std::string> parameters;
    const auto where = [&](const std::string& condition, const std::string& value)
    {
        sql += " AND " + condition;
        parameters.push_back(value);
    };
    if (!filter.entity.empty())
        where("entity = :entity", filter.entity);
    if (filter.entityId != 0)
        where("entity_id = :entity_id", std::to_string(filter.entityId));
    if (filter.clusterId != 0)
        where("cluster_id = :cluster_id", std::to_string(filter.clusterId));
    if (!filter.actor.empty())
        where("actor = :actor", filter.actor);
    if (!filter.since.empty())
        where("at >= :since", filter.since);
    sql += " ORDER BY id DESC";
    std::vector<AuditEntry> entries;
    database.withSession(
        [&](soci::session& session)
        {
            entries.clear();
            forEachRow(
                session, sql, parameters,
                [&](const soci::row& row)
                {
                    entries.push_back({integer(row, "id"), text(row, "at"), text(row, "actor"),
                                       text(row, "address"), text(row, "entity"),
                                       integer(row, "entity_id"),
                                       optionalInteger(row, "cluster_id").value_or(0),
                                       text(row, "action"), text(row, "changes")});
                },
                static_cast<std::size_t>(filter.limit));
        });
    return entries;
}

std::vector<AuditedChange> auditedChangesAfter(Database& database, std::int64_t afterId, int limit)
{
    std::vector<AuditedChange> changes;
    database.withSession(
        [&](soci::session& session)
        {
            changes.clear();
            long long after = afterId;
            int most = limit;
            soci::rowset<soci::row> rows =
                (session.prepare << kAuditedChangesAfter, soci::use(after), soci::use(most));
            for (const auto& row : rows)
                changes.push_back({integer(row, "id"), text(row, "code")});
        });
    return changes;
}

std::int64_t latestAuditId(Database& database)
{
    long long id = 0;
    soci::indicator indicator = soci::i_null;
    database.withSession([&](soci::session& session)
                         { session << kMaxAuditLogId, soci::into(id, indicator); });
    return indicator == soci::i_ok ? id : 0;
}

} // namespace tracker::persistence
