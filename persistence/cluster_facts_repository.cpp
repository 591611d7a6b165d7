#include "persistence/cluster_facts_repository.h"

#include "persistence/dialect.h"
#include "persistence/nullable.h"
#include "persistence/plot_repository.h"
#include "persistence/row_values.h"
#include "tracker/audit.h"

#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
const std::string kSelect =
    "SELECT cluster_id, ready_to_lease_m2, wastewater_state, wastewater_compliant, "
    "detailed_plan_approved_on, infra_project_approved_on, craft_village, specialised, source, "
    "version, developer_contact, lease_terms FROM cluster_facts ";
constexpr const char* kInsert =
    "INSERT INTO cluster_facts (cluster_id, ready_to_lease_m2, wastewater_state, "
    "wastewater_compliant, detailed_plan_approved_on, infra_project_approved_on, craft_village, "
    "specialised, source, developer_contact, lease_terms) VALUES (:c, :r, :w, :wc, :d, :i, :cv, "
    ":s, :src, :dc, :lt)";
constexpr const char* kUpdate =
    "UPDATE cluster_facts SET ready_to_lease_m2 = :r, wastewater_state = :w, "
    "wastewater_compliant = :wc, detailed_plan_approved_on = :d, infra_project_approved_on = :i, "
    "craft_village = :cv, specialised = :s, source = :src, developer_contact = :dc, "
    "lease_terms = :lt, version = version + 1 "
    "WHERE cluster_id = :c AND version = :v";

std::optional<bool> flag(const soci::row& row, const std::string& column)
{
    const auto value = optionalInteger(row, column);
    return value ? std::optional<bool>(*value != 0) : std::nullopt;
}

ClusterFacts factsFromRow(const soci::row& row)
{
    ClusterFacts f;
    f.clusterId = integer(row, "cluster_id");
    f.readyToLease = optionalInteger(row, "ready_to_lease_m2");
    f.wastewater = wastewaterStateFromCode(text(row, "wastewater_state"));
    f.wastewaterCompliant = flag(row, "wastewater_compliant");
    f.detailedPlanApproved = optionalDate(row, "detailed_plan_approved_on");
    f.infraProjectApproved = optionalDate(row, "infra_project_approved_on");
    f.craftVillage = flag(row, "craft_village");
    f.specialised = flag(row, "specialised");
    f.source = text(row, "source");
    f.version = static_cast<int>(integer(row, "version"));
    f.developerContact = text(row, "developer_contact");
    f.leaseTerms = text(row, "lease_terms");
    return f;
}

std::optional<std::int64_t> asInteger(const std::optional<bool>& value)
{
    return value ? std::optional<std::int64_t>(*value ? 1 : 0) : std::nullopt;
}

// Binds every fact, then runs `sql` (insert or update); the number of rows it changed.
long long write(soci::session& session, const char* sql, const ClusterFacts& f,
                std::optional<int> expectedVersion)
{
    const long long cluster = f.clusterId;
    NullableInteger ready(f.readyToLease), compliant(asInteger(f.wastewaterCompliant)),
        craft(asInteger(f.craftVillage)), specialised(asInteger(f.specialised));
    NullableText wastewater(f.wastewater ? std::string(code(*f.wastewater)) : std::string()),
        plan(f.detailedPlanApproved), project(f.infraProjectApproved), source(f.source),
        contact(f.developerContact), terms(f.leaseTerms);
    int version = expectedVersion.value_or(0);
    soci::statement statement =
        expectedVersion
            ? (session.prepare << sql, soci::use(ready.value, ready.indicator),
               soci::use(wastewater.value, wastewater.indicator),
               soci::use(compliant.value, compliant.indicator),
               soci::use(plan.value, plan.indicator), soci::use(project.value, project.indicator),
               soci::use(craft.value, craft.indicator),
               soci::use(specialised.value, specialised.indicator),
               soci::use(source.value, source.indicator),
               soci::use(contact.value, contact.indicator), soci::use(terms.value, terms.indicator),
               soci::use(cluster), soci::use(version))
            : (session.prepare << sql, soci::use(cluster), soci::use(ready.value, ready.indicator),
               soci::use(wastewater.value, wastewater.indicator),
               soci::use(compliant.value, compliant.indicator),
               soci::use(plan.value, plan.indicator), soci::use(project.value, project.indicator),
               soci::use(craft.value, craft.indicator),
               soci::use(specialised.value, specialised.indicator),
               soci::use(source.value, source.indicator),
               soci::use(contact.value, contact.indicator),
               soci::use(terms.value, terms.indicator));
    statement.execute(true);
    return statement.get_affected_rows();
}

FieldChanges changesOf(const ClusterFacts& a, const ClusterFacts& b)
{
    FieldChanges changes;
    const auto shown = [](const auto& value) -> std::string
    {
        using T = std::decay_t<decltype(value)>;
        if (!value)
            return "";
        if constexpr (std::is_same_v<T, std::optional<bool>>)
            return *value ? "1" : "0";
        else if constexpr (std::is_same_v<T, std::optional<Date>>)
            return value->iso();
        else if constexpr (std::is_same_v<T, std::optional<WastewaterState>>)
            return std::string(code(*value));
        else
            return std::to_string(*value);
    };
    const auto differ = [&](const char* field, const std::string& x, const std::string& y)
    {
        if (x != y)
            changes.push_back({field, x, y});
    };
    differ("ready_to_lease_m2", shown(a.readyToLease), shown(b.readyToLease));
    differ("wastewater_state", shown(a.wastewater), shown(b.wastewater));
    differ("wastewater_compliant", shown(a.wastewaterCompliant), shown(b.wastewaterCompliant));
    differ("detailed_plan_approved_on", shown(a.detailedPlanApproved),
           shown(b.detailedPlanApproved));
    differ("infra_project_approved_on", shown(a.infraProjectApproved),
           shown(b.infraProjectApproved));
    differ("craft_village", shown(a.craftVillage), shown(b.craftVillage));
    differ("specialised", shown(a.specialised), shown(b.specialised));
    differ("source", a.source, b.source);
    differ("developer_contact", a.developerContact, b.developerContact);
    differ("lease_terms", a.leaseTerms, b.leaseTerms);
    return changes;
}
} // namespace

ClusterFacts ClusterFactsRepository::find(std::int64_t clusterId)
{
    ClusterFacts found;
    found.clusterId = clusterId;
    _database.withSession(
        [&](soci::session& session)
        {
            forEachRow(
                session, kSelect + "WHERE cluster_id = :c", {std::to_string(clusterId)},
                [&](const soci::row& row) { found = factsFromRow(row); }, 1);
            found.plots = plotsOf(session, clusterId);
        });
    return found;
}

std::map<std::int64_t, ClusterFacts> ClusterFactsRepository::all()
{
    std::map<std::int64_t, ClusterFacts> facts;
    _database.withSession(
        [&](soci::session& session)
        {
            facts.clear();
            forEachRow(session, kSelect, {},
                       [&](const soci::row& row)
                       {
                           auto f = factsFromRow(row);
                           facts.emplace(f.clusterId, std::move(f));
                       });
            for (auto& [clusterId, plots] : allPlots(session))
            {
                auto& f = facts[clusterId]; // plots without facts: every fact unknown
                f.clusterId = clusterId;
                f.plots = std::move(plots);
            }
        });
    return facts;
}

SaveResult<ClusterFacts> ClusterFactsRepository::save(const ClusterFacts& next, int expectedVersion,
                                                      const AuditContext& context)
{
    SaveResult<ClusterFacts> result;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            ClusterFacts before;
            before.clusterId = next.clusterId;
            forEachRow(
                session, kSelect + "WHERE cluster_id = :c", {std::to_string(next.clusterId)},
                [&](const soci::row& row) { before = factsFromRow(row); }, 1);
            if (before.version != expectedVersion)
                result.saved = false;
            else if (expectedVersion == 0)
                result.saved =
                    dialect::insertIfAbsent([&] { write(session, kInsert, next, std::nullopt); });
            else
                result.saved = write(session, kUpdate, next, expectedVersion) == 1;
            if (result.saved)
                appendAudit(session, context, "cluster_facts", next.clusterId, "update",
                            toJson(changesOf(before, next)), next.clusterId);
            forEachRow(
                session, kSelect + "WHERE cluster_id = :c", {std::to_string(next.clusterId)},
                [&](const soci::row& row) { result.current = factsFromRow(row); }, 1);
            transaction.commit();
        });
    return result;
}

void insertRegistryFacts(soci::session& session, const ClusterFacts& facts)
{
    write(session, kInsert, facts, std::nullopt);
}

} // namespace tracker::persistence
