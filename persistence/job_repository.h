#pragma once

#include "persistence/database.h"

#include <map>
#include <string>
#include <vector>

namespace tracker::persistence
{

// One run of a scheduled job, as recorded.
struct JobRun
{
    std::int64_t id = 0;
    std::string job;
    std::string slot;
    std::string instance;
    std::string startedAt;
    std::string finishedAt;
    std::string outcome; // running | ok | failed
    std::string detail;
};

// Decides which instance runs a job for a slot, and records runs. Several tracker
// instances may share one database: the claim is a conditional UPDATE of the job's lease
// row that only one of them can win, and it lapses after `leaseSeconds` so that a slot
// whose runner died is taken up again. (GET_LOCK is per server, not replicated by Galera.)
class JobRepository
{
public:
    explicit JobRepository(Database& database) : _database(database) {}

    // True when this instance now holds `slot` ("2026-11-27T06:00", local time): no run of
    // that slot finished yet, and nobody else holds a live claim on it.
    bool claim(const std::string& job, const std::string& slot, const std::string& instance,
               long long nowUnix, int leaseSeconds);
    void finish(const std::string& job, const std::string& slot, const std::string& instance);
    std::string lastFinishedSlot(const std::string& job); // "" when never

    std::int64_t recordStart(const std::string& job, const std::string& slot,
                             const std::string& instance, const std::string& startedAt);
    void recordEnd(std::int64_t runId, const std::string& finishedAt, const std::string& outcome,
                   const std::string& detail);
    std::vector<JobRun> recentRuns(int limit);
    // The id of the newest run that finished well, by any instance (0 when none): a change
    // means another instance (or the command line) changed data this one may have cached.
    std::int64_t latestFinishedRunId();
    // How many runs each job has had, by outcome: job → outcome → count.
    std::map<std::string, std::map<std::string, long long>> runCounts();

private:
    Database& _database;
};

} // namespace tracker::persistence
