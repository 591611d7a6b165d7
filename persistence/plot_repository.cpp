#include "persistence/plot_repository.h"

#include "persistence/row_values.h"
#include "tracker/audit.h"

#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
const std::string kSelect =
    "SELECT cluster_id, label, area_m2, status, sectors FROM cluster_plots ";
constexpr const char* kUpdate =
    "UPDATE cluster_plots SET area_m2 = :a, status = :s, sectors = :t WHERE cluster_id = :c AND "
    "label = :l";
constexpr const char* kInsert =
    "INSERT INTO cluster_plots (cluster_id, label, area_m2, status, sectors) VALUES (:c, :l, :a, "
    ":s, :t)";
constexpr const char* kDelete = "DELETE FROM cluster_plots WHERE cluster_id = :c AND label = :l";

Plot plotFromRow(const soci::row& row)
{
    Plot p;
    p.clusterId = integer(row, "cluster_id");
    p.label = text(row, "label");
    p.area = integer(row, "area_m2");
    p.status = plotStatusFromCode(text(row, "status")).value_or(PlotStatus::Available);
    p.sectors = text(row, "sectors");
    return p;
}

std::string describe(const Plot& p)
{
    return "{\"label\":" + jsonString(p.label) + ",\"area_m2\":" + std::to_string(p.area) +
           ",\"status\":\"" + std::string(code(p.status)) +
           "\",\"sectors\":" + jsonString(p.sectors) + "}";
}
} // namespace

std::map<std::int64_t, std::vector<Plot>> allPlots(soci::session& session)
{
    std::map<std::int64_t, std::vector<Plot>> plots;
    forEachRow(session, kSelect + "ORDER BY cluster_id, label", {},
               [&](const soci::row& row)
               {
                   auto p = plotFromRow(row);
                   plots[p.clusterId].push_back(std::move(p));
               });
    return plots;
}

std::vector<Plot> plotsOf(soci::session& session, std::int64_t clusterId)
{
    std::vector<Plot> plots;
    forEachRow(session, kSelect + "WHERE cluster_id = :c ORDER BY label",
               {std::to_string(clusterId)},
               [&](const soci::row& row) { plots.push_back(plotFromRow(row)); });
    return plots;
}

std::vector<Plot> PlotRepository::ofCluster(std::int64_t clusterId)
{
    std::vector<Plot> plots;
    _database.withSession([&](soci::session& session) { plots = plotsOf(session, clusterId); });
    return plots;
}

void PlotRepository::put(const Plot& plot, const AuditContext& context)
{
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            long long cluster = plot.clusterId, area = plot.area;
            const std::string status(code(plot.status));
            soci::statement update =
                (session.prepare << kUpdate, soci::use(area), soci::use(status),
                 soci::use(plot.sectors), soci::use(cluster), soci::use(plot.label));
            update.execute(true);
            const bool existed = update.get_affected_rows() == 1;
            if (!existed)
                session << kInsert, soci::use(cluster), soci::use(plot.label), soci::use(area),
                    soci::use(status), soci::use(plot.sectors);
            appendAudit(session, context, "plot", plot.clusterId, existed ? "update" : "create",
                        "{\"plot\":{\"new\":" + describe(plot) + "}}", plot.clusterId);
            transaction.commit();
        });
}

bool PlotRepository::remove(std::int64_t clusterId, const std::string& label,
                            const AuditContext& context)
{
    bool removed = false;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            long long cluster = clusterId;
            soci::statement erase =
                (session.prepare << kDelete, soci::use(cluster), soci::use(label));
            erase.execute(true);
            removed = erase.get_affected_rows() == 1;
            if (!removed)
                return;
            appendAudit(session, context, "plot", clusterId, "delete",
                        "{\"plot\":{\"old\":" + jsonString(label) + "}}", clusterId);
            transaction.commit();
        });
    return removed;
}

} // namespace tracker::persistence
