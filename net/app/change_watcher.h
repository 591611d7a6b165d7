#pragma once

#include "net/jobs/periodic_thread.h"
#include "persistence/database.h"

#include <cstdint>
#include <functional>

namespace tracker::net
{

// Notices writes made by other instances or by the command line (an import, a new
// account): every change adds an audit entry, so a new highest audit id means the page
// cache is stale. One indexed MAX(id) every few seconds.
class ChangeWatcher
{
public:
    ChangeWatcher(persistence::Database& database, int checkSeconds,
                  std::function<void()> onChange);
    ~ChangeWatcher();
    ChangeWatcher(const ChangeWatcher&) = delete;
    ChangeWatcher& operator=(const ChangeWatcher&) = delete;

    void start();
    void stop();

private:
    void check();

    persistence::Database& _database;
    std::function<void()> _onChange;
    std::int64_t _seen = -1; // the highest audit id at the last check
    PeriodicThread _thread;
};

} // namespace tracker::net
