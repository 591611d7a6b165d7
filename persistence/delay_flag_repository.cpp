#include "persistence/delay_flag_repository.h"

#include "persistence/kept_versions.h"
#include "persistence/row_values.h"
#include "tracker/audit.h"

#include <set>
#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
constexpr const char* kInsertDelayFlag =
    "INSERT INTO delay_flags (cluster_id, rule, subject, severity, measure, measure_vi, "
    "late_since, days_late, raised_on, open_key) VALUES (:c, :r, :s, :v, :m, :mv, :l, :n, :d, :k)";
constexpr const char* kSelectOpenFlagKeys =
    "SELECT id, open_key FROM delay_flags WHERE open_key IS NOT NULL";
constexpr const char* kUpdateOpenFlag =
    "UPDATE delay_flags SET severity = :s, measure = :m, measure_vi = :mv, days_late = :n "
    "WHERE id = :i";
constexpr const char* kResolveFlag =
    "UPDATE delay_flags SET resolved_on = :d, open_key = NULL WHERE id = :i";
constexpr const char* kSelectOpenFlagAcknowledgement =
    "SELECT cluster_id, acknowledged_by, acknowledgement, version FROM delay_flags WHERE id = :i "
    "AND open_key IS NOT NULL";
constexpr const char* kAcknowledgeFlag =
    "UPDATE delay_flags SET acknowledged_by = :b, acknowledged_on = :d, acknowledgement = :t, "
    "version = version + 1 WHERE id = :i AND version = :v";

const std::string kColumns =
    "SELECT f.id, f.cluster_id, c.code, c.name_vi, c.district, c.unit_codes, f.rule, f.subject, "
    "f.severity, "
    "f.measure, f.measure_vi, f.late_since, f.days_late, f.raised_on, f.resolved_on, "
    "f.acknowledged_by, "
    "f.acknowledged_on, f.acknowledgement, f.version FROM delay_flags f JOIN clusters c ON "
    "c.id = "
    "f.cluster_id ";

std::string openKey(std::int64_t clusterId, DelayRuleKind rule, const std::string& subject)
{
    return std::to_string(clusterId) + "|" + std::string(code(rule)) + "|" + subject;
}

DelayFlag flagFromRow(const soci::row& row)
{
    DelayFlag flag;
    flag.id = integer(row, "id");
    flag.clusterId = integer(row, "cluster_id");
    flag.clusterCode = text(row, "code");
    flag.clusterName = text(row, "name_vi");
    flag.district = text(row, "district");
    flag.units = parsePlacedUnits(text(row, "unit_codes")).value_or(std::vector<PlacedUnit>{});
    flag.rule = delayRuleFromCode(text(row, "rule")).value_or(DelayRuleKind::OverdueWorkItem);
    flag.subject = text(row, "subject");
    flag.severity = severityFromCode(text(row, "severity")).value_or(Severity::Medium);
    flag.measure = text(row, "measure");
    flag.measureVi = text(row, "measure_vi");
    flag.lateSince = optionalDate(row, "late_since");
    if (const auto days = optionalInteger(row, "days_late"))
        flag.daysLate = static_cast<long>(*days);
    flag.raisedOn = date(row, "raised_on");
    flag.resolvedOn = optionalDate(row, "resolved_on");
    flag.acknowledgedBy = text(row, "acknowledged_by");
    flag.acknowledgedOn = optionalDate(row, "acknowledged_on");
    flag.acknowledgement = text(row, "acknowledgement");
    flag.version = static_cast<int>(integer(row, "version"));
    return flag;
}

struct NullableDate
{
    std::string value;
    soci::indicator indicator = soci::i_null;
    explicit NullableDate(const std::optional<Date>& date)
    {
        if (date)
        {
            value = date->iso();
            indicator = soci::i_ok;
        }
    }
};

struct NullableCount
{
    long long value = 0;
    soci::indicator indicator = soci::i_null;
    explicit NullableCount(const std::optional<long>& count)
    {
        if (count)
        {
            value = *count;
            indicator = soci::i_ok;
        }
    }
};

void raise(soci::session& session, std::int64_t clusterId, const DelayFinding& finding,
           const std::string& key, const std::string& today)
{
    long long cluster = clusterId;
    const std::string rule(code(finding.rule)), severity(code(finding.severity));
    NullableDate since(finding.lateSince);
    NullableCount days(finding.daysLate);
    session << kInsertDelayFlag, soci::use(cluster), soci::use(rule), soci::use(finding.subject),
        soci::use(severity), soci::use(finding.measure), soci::use(finding.measureVi),
        soci::use(since.value, since.indicator), soci::use(days.value, days.indicator),
        soci::use(today), soci::use(key);
}
} // namespace

ScanOutcome
DelayFlagRepository::applyScan(const std::map<std::int64_t, std::vector<DelayFinding>>& findings,
                               const Date& today)
{
    ScanOutcome outcome;
    _database.withSession(
        [&](soci::session& session)
        {
            outcome = {};
            soci::transaction transaction(session);
            std::map<std::string, long long> open; // key → id
            soci::rowset<soci::row> rows = session.prepare << kSelectOpenFlagKeys;
            for (const auto& row : rows)
                open[text(row, "open_key")] = integer(row, "id");
            const std::string day = today.iso();
            std::set<std::string> found;
            for (const auto& [clusterId, list] : findings)
            {
                for (const auto& finding : list)
                {
                    const std::string key = openKey(clusterId, finding.rule, finding.subject);
                    if (!found.insert(key).second)
                        continue;
                    const auto existing = open.find(key);
                    if (existing == open.end())
                    {
                        raise(session, clusterId, finding, key, day);
                        ++outcome.raised;
                        continue;
                    }
                    const std::string severity(code(finding.severity));
                    NullableCount days(finding.daysLate);
                    session << kUpdateOpenFlag, soci::use(severity), soci::use(finding.measure),
                        soci::use(finding.measureVi), soci::use(days.value, days.indicator),
                        soci::use(existing->second);
                    ++outcome.stillOpen;
                }
            }
            for (const auto& [key, id] : open)
            {
                if (found.count(key))
                    continue;
                long long flagId = id;
                session << kResolveFlag, soci::use(day), soci::use(flagId);
                ++outcome.resolved;
            }
            transaction.commit();
        });
    return outcome;
}

std::vector<DelayFlag> DelayFlagRepository::select(const std::string& where,
                                                   const std::vector<std::string>& parameters)
{
    std::vector<DelayFlag> flags;
    _database.withSession(
        [&](soci::session& session)
        {
            flags.clear();
            const std::string sql = kColumns + where + " ORDER BY f.raised_on DESC, f.id DESC";
            forEachRow(session, sql, parameters,
                       [&](const soci::row& row) { flags.push_back(flagFromRow(row)); });
        });
    return flags;
}

namespace
{
// The WHERE clause of a filter and the values it binds, in order.
std::pair<std::string, std::vector<std::string>> whereOf(const FlagFilter& filter)
{
    std::string where;
    std::vector<std::string> values;
    switch (filter.state)
    {
    case FlagFilter::State::Open:
        where = "WHERE f.open_key IS NOT NULL";
        break;
    case FlagFilter::State::Resolved:
        where = "WHERE f.resolved_on IS NOT NULL";
        if (filter.resolvedSince)
        {
            where += " AND f.resolved_on >= :s";
            values.push_back(filter.resolvedSince->iso());
        }
        break;
    case FlagFilter::State::All:
        where = "WHERE 1 = 1";
        break;
    }
    if (!filter.district.empty())
    {
        where += " AND c.district = :d";
        values.push_back(filter.district);
    }
    return {where, values};
}
} // namespace

FlagCount DelayFlagRepository::countFlags(const FlagFilter& filter)
{
    // Not a structured binding: clang 14 (the fuzzers' compiler) cannot capture one.
    const auto clause = whereOf(filter);
    const std::string& where = clause.first;
    const std::vector<std::string>& values = clause.second;
    FlagCount count;
    _database.withSession(
        [&](soci::session& session)
        {
            forEachRow(session,
                       "SELECT COUNT(*) AS flags, COUNT(DISTINCT f.cluster_id) AS clusters "
                       "FROM delay_flags f JOIN clusters c ON c.id = f.cluster_id " +
                           where,
                       values,
                       [&](const soci::row& row)
                       {
                           count.flags = static_cast<std::size_t>(integer(row, "flags"));
                           count.clusters = static_cast<std::size_t>(integer(row, "clusters"));
                       });
        });
    return count;
}

std::vector<DelayFlag> DelayFlagRepository::flagsPage(const FlagFilter& filter, std::size_t offset,
                                                      std::size_t count)
{
    const auto clause = whereOf(filter);
    const std::string& where = clause.first;
    const std::vector<std::string>& values = clause.second;
    std::vector<DelayFlag> flags;
    _database.withSession(
        [&](soci::session& session)
        {
            flags.clear();
            forEachRow(session,
                       kColumns + where +
                           " ORDER BY f.raised_on DESC, f.id DESC LIMIT :n OFFSET :o",
                       values, {static_cast<long long>(count), static_cast<long long>(offset)},
                       [&](const soci::row& row) { flags.push_back(flagFromRow(row)); });
        });
    return flags;
}

std::vector<DelayFlag> DelayFlagRepository::openFlags()
{
    return select("WHERE f.open_key IS NOT NULL", {});
}

std::vector<DelayFlag> DelayFlagRepository::flagsTouchedSince(const Date& since)
{
    return select("WHERE f.open_key IS NOT NULL OR f.raised_on >= :r OR f.resolved_on >= :s",
                  {since.iso(), since.iso()});
}

std::vector<DelayFlag> DelayFlagRepository::flagsOfCluster(std::int64_t clusterId)
{
    return select("WHERE f.cluster_id = :c", {std::to_string(clusterId)});
}

std::optional<DelayFlag> DelayFlagRepository::findFlag(std::int64_t flagId)
{
    auto found = select("WHERE f.id = :i", {std::to_string(flagId)});
    if (found.empty())
        return std::nullopt;
    return found.front();
}

Acknowledgement DelayFlagRepository::acknowledge(std::int64_t flagId, const std::string& by,
                                                 const std::string& comment, const Date& today,
                                                 const AuditContext& context,
                                                 std::optional<int> expectedVersion)
{
    auto outcome = Acknowledgement::NotOpen;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            long long id = flagId, clusterId = 0;
            int version = 0;
            std::string oldBy, oldComment;
            soci::indicator byNull = soci::i_ok, commentNull = soci::i_ok;
            session << kSelectOpenFlagAcknowledgement, soci::use(id), soci::into(clusterId),
                soci::into(oldBy, byNull), soci::into(oldComment, commentNull), soci::into(version);
            outcome = !session.got_data()                              ? Acknowledgement::NotOpen
                      : expectedVersion && *expectedVersion != version ? Acknowledgement::Stale
                                                                       : Acknowledgement::Done;
            if (outcome != Acknowledgement::Done)
                return;
            const std::string day = today.iso();
            soci::statement update =
                (session.prepare << kAcknowledgeFlag, soci::use(by), soci::use(day),
                 soci::use(comment), soci::use(id), soci::use(version));
            update.execute(true);
            if (update.get_affected_rows() != 1)
            {
                outcome = Acknowledgement::Stale; // changed between the read and the write
                return;
            }
            const FieldChanges changes{
                {"acknowledged_by", byNull == soci::i_ok ? oldBy : "", by},
                {"acknowledgement", commentNull == soci::i_ok ? oldComment : "", comment}};
            appendAudit(session, context, "delay_flag", id, "acknowledge", toJson(changes),
                        clusterId);
            keepVersion(session, "delay_flag", id, version, {{"comment", changes.back().before}});
            transaction.commit();
        });
    return outcome;
}

} // namespace tracker::persistence
