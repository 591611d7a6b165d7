#include "net/app/change_watcher.h"

#include "persistence/audit_repository.h"

#include <Poco/Logger.h>

namespace tracker::net
{

ChangeWatcher::ChangeWatcher(persistence::Database& database, int checkSeconds,
                             std::function<void()> onChange)
    : _database(database), _checkSeconds(checkSeconds), _onChange(std::move(onChange))
{
}

ChangeWatcher::~ChangeWatcher()
{
    stop();
}

void ChangeWatcher::start()
{
    _thread = std::thread([this] { run(); });
}

void ChangeWatcher::stop()
{
    {
        std::lock_guard lock(_mutex);
        _stopping = true;
    }
    _wake.notify_all();
    if (_thread.joinable())
        _thread.join();
}

void ChangeWatcher::run()
{
    std::int64_t seen = -1;
    std::unique_lock lock(_mutex);
    while (!_stopping)
    {
        lock.unlock();
        try
        {
            const auto latest = persistence::latestAuditId(_database);
            if (seen != -1 && latest != seen)
                _onChange();
            seen = latest;
        }
        catch (const std::exception& error)
        {
            Poco::Logger::get("tracker").warning("change check: %s", std::string(error.what()));
        }
        lock.lock();
        _wake.wait_for(lock, std::chrono::seconds(_checkSeconds), [this] { return _stopping; });
    }
}

} // namespace tracker::net
