#pragma once

#include "net/bulk_import.h"

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
    ImportOutcome outcome;
};

// Imports too large to answer within one request run here, one thread each, and their page
// follows them (it reloads itself every second while they run). Jobs live in this
// instance's memory: a restart forgets the page, never the data (the import is one
// transaction). The destructor waits for running imports.
class ImportJobs
{
public:
    ImportJobs() = default;
    ~ImportJobs();
    ImportJobs(const ImportJobs&) = delete;
    ImportJobs& operator=(const ImportJobs&) = delete;

    // Starts the import and returns its id; `finished` runs on the import's thread at its end.
    std::string start(persistence::Database& database, ImportRequest request,
                      std::function<void(const ImportOutcome&)> finished);
    std::optional<ImportProgress> progress(const std::string& id) const;

private:
    struct Job
    {
        ImportProgress progress;
        std::thread thread;
    };
    mutable std::mutex _mutex;
    std::map<std::string, std::unique_ptr<Job>> _jobs;
};

} // namespace tracker::net
