#include "persistence/import_job_repository.h"

#include "persistence/row_values.h"

#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
constexpr const char* kDeleteSilentImportJobs = "DELETE FROM import_jobs WHERE heartbeat_at < :f";
constexpr const char* kInsertImportJob =
    "INSERT INTO import_jobs (id, owner, kind, dry_run, state, started_at, heartbeat_at) VALUES "
    "(:i, :o, :k, :d, :s, :a, :h)";
constexpr const char* kUpdateImportJobProgress =
    "UPDATE import_jobs SET phase = :p, done_count = :d, total_count = :t, heartbeat_at = :h WHERE "
    "id = :i AND state = 'running'";
constexpr const char* kFinishImportJob =
    "UPDATE import_jobs SET state = :s, outcome = :o, heartbeat_at = :h WHERE id = :i";
constexpr const char* kSelectImportJob =
    "SELECT id, owner, kind, dry_run, state, phase, done_count, total_count, outcome, started_at, "
    "heartbeat_at FROM import_jobs WHERE id = :i";
} // namespace

void ImportJobRepository::start(const ImportJobRow& job, long long forgetBeforeUnix)
{
    _database.withSession(
        [&](soci::session& session)
        {
            const int dryRun = job.dryRun ? 1 : 0;
            const std::string running = "running";
            session << kDeleteSilentImportJobs, soci::use(forgetBeforeUnix);
            session << kInsertImportJob, soci::use(job.id), soci::use(job.owner),
                soci::use(job.kind), soci::use(dryRun), soci::use(running),
                soci::use(job.startedAt), soci::use(job.heartbeatAt);
        });
}

void ImportJobRepository::progress(const std::string& id, const std::string& phase, long long done,
                                   long long total, long long nowUnix)
{
    _database.withSession(
        [&](soci::session& session)
        {
            session << kUpdateImportJobProgress, soci::use(phase), soci::use(done),
                soci::use(total), soci::use(nowUnix), soci::use(id);
        });
}

void ImportJobRepository::finish(const std::string& id, const std::string& state,
                                 const std::string& outcome, long long nowUnix)
{
    _database.withSession(
        [&](soci::session& session)
        {
            session << kFinishImportJob, soci::use(state), soci::use(outcome), soci::use(nowUnix),
                soci::use(id);
        });
}

std::optional<ImportJobRow> ImportJobRepository::find(const std::string& id)
{
    std::optional<ImportJobRow> found;
    _database.withSession(
        [&](soci::session& session)
        {
            found.reset();
            forEachRow(
                session, kSelectImportJob, {id},
                [&](const soci::row& row)
                {
                    found = ImportJobRow{text(row, "id"),
                                         text(row, "owner"),
                                         text(row, "kind"),
                                         integer(row, "dry_run") != 0,
                                         text(row, "state"),
                                         text(row, "phase"),
                                         integer(row, "done_count"),
                                         integer(row, "total_count"),
                                         text(row, "outcome"),
                                         text(row, "started_at"),
                                         integer(row, "heartbeat_at")};
                },
                1);
        });
    return found;
}

} // namespace tracker::persistence
