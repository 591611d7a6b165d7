#pragma once

#include "net/operations/bulk_import.h"
#include "tracker/clock.h"

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace tracker::net
{

// What a running or finished import has got to, as its page shows it.
struct ImportProgress
{
    std::string owner; // the account's email: only they see it
    std::string phase; // "checked", "written", or "" before the first report
    std::size_t done = 0;
    std::size_t total = 0;
    bool finished = false;
    bool interrupted = false;             // it stopped without finishing: its instance went down…
    bool interruptedAfterWriting = false; // …after its transaction had written every row
    ImportOutcome outcome;                // its errors may be only the first ones…
    std::size_t errorTotal = 0;           // …of this many
};

// Imports too large to answer within one request run here, one thread each, and their page
// follows them (it reloads itself every second while they run). Each job is also recorded
// in the database — start, progress about once a second, "written" in the import's own
// transaction, outcome — so that its page shows on every instance and after a restart; one
// whose instance died shows as interrupted, saying whether its rows were written (all) or
// not (none). The destructor waits for running imports.
class ImportJobs
{
public:
    ImportJobs(persistence::Database& database, const Clock& clock)
        : _database(database), _clock(clock)
    {
    }
    ~ImportJobs();
    ImportJobs(const ImportJobs&) = delete;
    ImportJobs& operator=(const ImportJobs&) = delete;

    // Starts the import and returns its id; `finished` runs on the import's thread at its end.
    std::string start(ImportRequest request, std::function<void(const ImportOutcome&)> finished);
    std::optional<ImportProgress> progress(const std::string& id) const;

private:
    struct Job
    {
        ImportProgress progress;
        std::thread thread;
        std::chrono::steady_clock::time_point recorded; // when progress last went to the database
    };
    void record(const std::string& id, Job& job);
    void run(const std::string& id, Job& job, const ImportRequest& request,
             const std::function<void(const ImportOutcome&)>& finished);
    std::optional<ImportProgress> recorded(const std::string& id) const;

    persistence::Database& _database;
    const Clock& _clock;
    mutable std::mutex _mutex;
    std::map<std::string, std::unique_ptr<Job>> _jobs;
};

} // namespace tracker::net
