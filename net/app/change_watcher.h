#pragma once

#include "net/jobs/periodic_thread.h"
#include "persistence/database.h"

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace tracker::net
{

// Notices writes made by other instances or by the command line (an import, a new
// account): every change adds an audit entry naming its cluster. Every few seconds the
// entries since the last look tell the page cache which clusters changed; a change that
// names no cluster, or more changes than one look reads, make everything stale.
class ChangeWatcher
{
public:
    struct Sink
    {
        std::function<void()> everything;
        std::function<void(const std::vector<std::string>& clusterCodes)> clusters;
    };
    ChangeWatcher(persistence::Database& database, int checkSeconds, Sink sink);
    ~ChangeWatcher();
    ChangeWatcher(const ChangeWatcher&) = delete;
    ChangeWatcher& operator=(const ChangeWatcher&) = delete;

    void start();
    void stop();
    void check(); // one look; the thread calls it every checkSeconds

private:
    persistence::Database& _database;
    Sink _sink;
    std::int64_t _seen = -1; // the highest audit id at the last look (-1: not looked yet)
    // Ids are handed out before their transactions commit, so one may appear below the
    // highest already seen: the last few hundred ids are looked at again, and these are
    // the ones already seen among them.
    std::set<std::int64_t> _recent;
    PeriodicThread _thread;
};

} // namespace tracker::net
