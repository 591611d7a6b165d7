#include "persistence/job_repository.h"

#include "persistence/dialect.h"
#include "persistence/row_values.h"

#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
constexpr const char* kRunCounts =
    "SELECT job, outcome, COUNT(*) AS n FROM job_runs GROUP BY job, outcome";
constexpr const char* kCountJobLeasesByJob = "SELECT COUNT(*) FROM job_leases WHERE job = :j";
constexpr const char* kInsertJobLease = "INSERT INTO job_leases (job, slot, done_slot, holder, "
                                        "expires_at) VALUES (:j, :s, :d, NULL, :e)";
constexpr const char* kClaimJobLease =
    "UPDATE job_leases SET slot = :s, holder = :h, expires_at = :e WHERE job = :j AND done_slot < "
    ":s2 AND (slot < :s3 OR expires_at < :n)";
constexpr const char* kFinishJobLease = "UPDATE job_leases SET done_slot = :s, expires_at = :z "
                                        "WHERE job = :j AND holder = :h AND slot = :s2";
constexpr const char* kSelectDoneSlot = "SELECT done_slot FROM job_leases WHERE job = :j";
constexpr const char* kInsertJobRun =
    "INSERT INTO job_runs (job, slot, instance, started_at, outcome) VALUES (:j, :s, :i, :t, :o)";
constexpr const char* kLatestRunOfInstance =
    "SELECT MAX(id) FROM job_runs WHERE job = :j AND instance = :i";
constexpr const char* kFinishJobRun =
    "UPDATE job_runs SET finished_at = :f, outcome = :o, detail = :d WHERE id = :i";
constexpr const char* kSelectRecentRuns =
    "SELECT id, job, slot, instance, started_at, finished_at, outcome, detail FROM job_runs ORDER "
    "BY id DESC LIMIT :n";
constexpr const char* kLatestFinishedRun = "SELECT MAX(id) FROM job_runs WHERE outcome = 'ok'";
} // namespace

bool JobRepository::claim(const std::string& job, const std::string& slot,
                          const std::string& instance, long long nowUnix, int leaseSeconds)
{
    bool won = false;
    _database.withSession(
        [&](soci::session& session)
        {
            // The row exists once; inserting it twice is harmless (the key is the job).
            long long count = 0;
            session << kCountJobLeasesByJob, soci::use(job), soci::into(count);
            if (count == 0)
            {
                // Another instance may insert it first: fine, the UPDATE decides.
                const std::string never;
                long long zero = 0;
                dialect::insertIfAbsent(
                    [&]
                    {
                        session << kInsertJobLease, soci::use(job), soci::use(never),
                            soci::use(never), soci::use(zero);
                    });
            }
            long long expires = nowUnix + leaseSeconds, now = nowUnix;
            soci::statement update = (session.prepare << kClaimJobLease, soci::use(slot),
                                      soci::use(instance), soci::use(expires), soci::use(job),
                                      soci::use(slot), soci::use(slot), soci::use(now));
            update.execute(true);
            won = update.get_affected_rows() == 1;
        });
    return won;
}

void JobRepository::finish(const std::string& job, const std::string& slot,
                           const std::string& instance)
{
    _database.withSession(
        [&](soci::session& session)
        {
            long long zero = 0;
            session << kFinishJobLease, soci::use(slot), soci::use(zero), soci::use(job),
                soci::use(instance), soci::use(slot);
        });
}

std::string JobRepository::lastFinishedSlot(const std::string& job)
{
    std::string slot;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::indicator indicator = soci::i_null;
            slot.clear();
            session << kSelectDoneSlot, soci::use(job), soci::into(slot, indicator);
            if (indicator != soci::i_ok)
                slot.clear();
        });
    return slot;
}

std::int64_t JobRepository::recordStart(const std::string& job, const std::string& slot,
                                        const std::string& instance, const std::string& startedAt)
{
    long long id = 0;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            const std::string running = "running";
            session << kInsertJobRun, soci::use(job), soci::use(slot), soci::use(instance),
                soci::use(startedAt), soci::use(running);
            session << kLatestRunOfInstance, soci::use(job), soci::use(instance), soci::into(id);
            transaction.commit();
        });
    return id;
}

void JobRepository::recordEnd(std::int64_t runId, const std::string& finishedAt,
                              const std::string& outcome, const std::string& detail)
{
    _database.withSession(
        [&](soci::session& session)
        {
            long long id = runId;
            session << kFinishJobRun, soci::use(finishedAt), soci::use(outcome), soci::use(detail),
                soci::use(id);
        });
}

std::vector<JobRun> JobRepository::recentRuns(int limit)
{
    std::vector<JobRun> runs;
    _database.withSession(
        [&](soci::session& session)
        {
            runs.clear();
            soci::rowset<soci::row> rows = (session.prepare << kSelectRecentRuns, soci::use(limit));
            for (const auto& row : rows)
                runs.push_back({integer(row, "id"), text(row, "job"), text(row, "slot"),
                                text(row, "instance"), text(row, "started_at"),
                                text(row, "finished_at"), text(row, "outcome"),
                                text(row, "detail")});
        });
    return runs;
}

std::int64_t JobRepository::latestFinishedRunId()
{
    long long id = 0;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::indicator indicator = soci::i_null;
            session << kLatestFinishedRun, soci::into(id, indicator);
            if (indicator != soci::i_ok)
                id = 0;
        });
    return id;
}

std::map<std::string, std::map<std::string, long long>> JobRepository::runCounts()
{
    std::map<std::string, std::map<std::string, long long>> counts;
    _database.withSession(
        [&](soci::session& session)
        {
            counts.clear();
            soci::rowset<soci::row> rows = (session.prepare << kRunCounts);
            for (const auto& row : rows)
                counts[text(row, "job")][text(row, "outcome")] = integer(row, "n");
        });
    return counts;
}

} // namespace tracker::persistence
