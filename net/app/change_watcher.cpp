#include "net/app/change_watcher.h"

#include "persistence/audit_repository.h"

#include <Poco/Logger.h>
#include <algorithm>

namespace tracker::net
{
namespace
{
constexpr std::int64_t kLookBack = 200; // ids looked at again, for late commits
constexpr int kMostPerLook = 2000;      // past this many new entries: everything is stale
} // namespace

ChangeWatcher::ChangeWatcher(persistence::Database& database, int checkSeconds, Sink sink)
    : _database(database), _sink(std::move(sink)),
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
        if (_seen == -1)
        {
            // What is in the database at start-up is what the cache will render: the recent
            // entries the next looks go back over are known already, not changes (else the
            // second look took them for new and threw every cached answer away).
            _seen = persistence::latestAuditId(_database);
            const std::int64_t from = std::max<std::int64_t>(0, _seen - kLookBack);
            for (const auto& change :
                 persistence::auditedChangesAfter(_database, from, kMostPerLook))
                _recent.insert(change.id);
            return;
        }
        const std::int64_t from = std::max<std::int64_t>(0, _seen - kLookBack);
        const auto changes = persistence::auditedChangesAfter(_database, from, kMostPerLook);
        bool everything = changes.size() == static_cast<std::size_t>(kMostPerLook);
        std::vector<std::string> clusters;
        for (const auto& change : changes)
        {
            if (!_recent.insert(change.id).second)
                continue; // seen at an earlier look
            _seen = std::max(_seen, change.id);
            if (change.clusterCode.empty())
                everything = true;
            else if (std::find(clusters.begin(), clusters.end(), change.clusterCode) ==
                     clusters.end())
                clusters.push_back(change.clusterCode);
        }
        _recent.erase(_recent.begin(), _recent.lower_bound(_seen - kLookBack));
        if (everything)
            _sink.everything();
        else if (!clusters.empty())
            _sink.clusters(clusters);
    }
    catch (const std::exception& error)
    {
        Poco::Logger::get("tracker").warning("change check: %s", std::string(error.what()));
    }
}

} // namespace tracker::net
