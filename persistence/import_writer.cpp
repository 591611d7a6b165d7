#include "persistence/import_writer.h"

#include "persistence/cluster_writer.h"
#include "tracker/audit.h"

#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
constexpr const char* kMarkJobWritten = "UPDATE import_jobs SET state = 'written' WHERE id = :i";
} // namespace

void ImportWriter::importRecords(const std::vector<Tenant>& tenants,
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
                applyReportLines(session, report);
                appendAudit(session, context, "progress_report", id, "import",
                            toJson(creationOf(report)), report.clusterId);
                tick();
            }
            if (!importJobId.empty())
                session << kMarkJobWritten, soci::use(importJobId);
            transaction.commit();
        });
}

} // namespace tracker::persistence
