#include "net/app/change_watcher.h"

#include "persistence/audit_repository.h"

#include <Poco/Logger.h>

namespace tracker::net
{

ChangeWatcher::ChangeWatcher(persistence::Database& database, int checkSeconds,
                             std::function<void()> onChange)
    : _database(database), _onChange(std::move(onChange)),
      _thread(std::chrono::seconds(checkSeconds), [this] { check(); })
{
}

ChangeWatcher::~ChangeWatcher()
{
    stop();
}

void ChangeWatcher::start()
{
    _thread.start();
}

void ChangeWatcher::stop()
{
    _thread.stop();
}

void ChangeWatcher::check()
{
    try
    {
        const auto latest = persistence::latestAuditId(_database);
        if (_seen != -1 && latest != _seen)
            _onChange();
        _seen = latest;
    }
    catch (const std::exception& error)
    {
        Poco::Logger::get("tracker").warning("change check: %s", std::string(error.what()));
    }
}

} // namespace tracker::net
