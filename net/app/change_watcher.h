#pragma once

#include "persistence/database.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

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
    void run();

    persistence::Database& _database;
    int _checkSeconds;
    std::function<void()> _onChange;
    std::mutex _mutex;
    std::condition_variable _wake;
    bool _stopping = false;
    std::thread _thread;
};

} // namespace tracker::net
