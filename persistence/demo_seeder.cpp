#include "persistence/demo_seeder.h"

#include "persistence/cluster_facts_repository.h"
#include "persistence/cluster_writer.h"
#include "persistence/registry_repository.h"
#include "persistence/seed_reader.h"
#include "tracker/demo_data.h"

#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
constexpr const char* kCountClusters = "SELECT COUNT(*) FROM clusters";
constexpr const char* kCountSeededMarks =
    "SELECT COUNT(*) FROM tracker_meta WHERE name = 'seeded_at'";
constexpr const char* kInsertSeededMark =
    "INSERT INTO tracker_meta (name, value) VALUES ('seeded_at', :v)";

bool alreadyHoldsData(soci::session& session)
{
    long long clusters = 0;
    long long marks = 0;
    session << kCountClusters, soci::into(clusters);
    session << kCountSeededMarks, soci::into(marks);
    return clusters > 0 || marks > 0;
}

void storePlan(soci::session& session, Cluster cluster, const DemoPlan& plan, SeedOutcome& outcome)
{
    cluster.id = insertCluster(session, cluster);
    if (const auto facts = factsFromRegistry(cluster); facts.craftVillage)
        insertRegistryFacts(session, facts);
    std::vector<std::int64_t> itemIds;
    for (WorkItem item : plan.items)
    {
        item.clusterId = cluster.id;
        itemIds.push_back(insertWorkItem(session, item));
    }
    for (ProgressReport report : plan.reports)
    {
        report.clusterId = cluster.id;
        for (auto& line : report.lines)
            line.workItemId = itemIds.at(static_cast<std::size_t>(line.workItemId));
        insertProgressReport(session, report);
    }
    for (Tenant tenant : plan.tenants)
    {
        tenant.clusterId = cluster.id;
        insertTenant(session, tenant);
    }
    ++outcome.clusters;
    outcome.workItems += static_cast<int>(plan.items.size());
    outcome.reports += static_cast<int>(plan.reports.size());
    outcome.tenants += static_cast<int>(plan.tenants.size());
}
} // namespace

SeedOutcome seedDemoData(Database& database, const SeedOptions& options)
{
    const auto say = [&](const std::string& line)
    {
        if (options.progress)
            options.progress(line);
    };
    // Read and check the files before touching the database: a bad file writes nothing.
    const auto clusters = readSeedClusters(options.seedDirectory + "/clusters.csv");
    const auto totals = readReportedTotals(options.seedDirectory + "/reported-totals.csv");
    SeedOutcome outcome;
    database.withSession(
        [&](soci::session& session)
        {
            outcome = SeedOutcome{};
            soci::transaction transaction(session);
            if (alreadyHoldsData(session))
                return; // the transaction rolls back; there was nothing to write
            say("seeding " + std::to_string(clusters.size()) + " clusters as of " +
                options.asOf.iso());
            for (const auto& source : clusters)
            {
                DemoPlan plan = generateDemoPlan(source, options.asOf, options.randomSeed);
                Cluster cluster = source;
                cluster.status = plan.status;
                cluster.statusProvenance = Provenance::Illustrative;
                storePlan(session, cluster, plan, outcome);
                if (outcome.clusters % 10 == 0)
                    say("  " + std::to_string(outcome.clusters) + "/" +
                        std::to_string(clusters.size()) + " clusters");
            }
            for (const auto& reported : totals)
                insertReportedTotals(session, reported);
            const std::string stamp = options.asOf.iso();
            session << kInsertSeededMark, soci::use(stamp);
            transaction.commit();
            outcome.seeded = true;
        });
    return outcome;
}

int placeUnmappedFromSeed(Database& database, const std::string& seedDirectory,
                          const AuditContext& context)
{
    RegistryRepository registry(database);
    int placed = 0;
    for (const auto& seeded : readSeedClusters(seedDirectory + "/clusters.csv"))
    {
        const auto stored = registry.findCluster(seeded.code);
        if (!stored || stored->cluster.unitBasis != UnitBasis::Unmapped ||
            !stored->cluster.units.empty() || seeded.unitBasis == UnitBasis::Unmapped)
            continue;
        Cluster next = stored->cluster;
        next.units = seeded.units;
        next.unitBasis = seeded.unitBasis;
        next.unitSource = seeded.unitSource;
        next.unitNote = seeded.unitNote;
        if (registry.placeUnits(next, stored->cluster.version, context).saved)
            ++placed;
    }
    return placed;
}

} // namespace tracker::persistence
