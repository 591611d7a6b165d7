#include "net/api/oc4ids_projects.h"

#include "net/api/oc4ids.h"
#include "persistence/cluster_repository.h"

#include <Poco/Logger.h>
#include <chrono>
#include <sys/resource.h>
#include <unistd.h>

namespace tracker::net
{
namespace
{
// Every report: the metrics sample them by month, but a month's figure needs them all.
constexpr int kAllReports = 100000;
} // namespace

void Oc4idsProjects::changed(const std::vector<std::string>& clusterCodes)
{
    std::lock_guard lock(_mutex);
    _pending.insert(clusterCodes.begin(), clusterCodes.end());
    _changes.notify_all();
}

void Oc4idsProjects::changedAll()
{
    std::lock_guard lock(_mutex);
    _allStale = true;
    _changes.notify_all();
}

void Oc4idsProjects::wake()
{
    std::lock_guard lock(_mutex);
    _changes.notify_all();
}

Oc4idsProjects::Texts Oc4idsProjects::texts(std::chrono::milliseconds wait) const
{
    std::unique_lock lock(_mutex);
    _firstRound.wait_for(lock, wait, [&] { return _refreshed; });
    Texts texts;
    texts.total = _order.size();
    for (const auto& code : _order)
    {
        const auto found = _made.find(code);
        if (found == _made.end())
        {
            ++texts.missing;
            continue;
        }
        texts.projects.push_back(found->second);
        texts.stale += _allStale || _pending.count(code) || _taken.count(code);
    }
    if (!_refreshed && texts.missing == 0 && texts.projects.empty())
        texts.missing = 1; // the maker has not looked yet
    return texts;
}

void Oc4idsProjects::refresh(persistence::Database& database, const DistrictMap& map,
                             const Date& today, const std::atomic<bool>* stop)
{
    persistence::ClusterRepository repository(database);
    const auto codes = repository.clusterCodes();
    {
        std::lock_guard lock(_mutex);
        const bool everything = _allStale || today != _day;
        _taken.clear();
        for (const auto& code : codes)
            if (everything || _pending.count(code) || !_made.count(code))
                _taken.insert(code);
        _allStale = false;
        _pending.clear();
        _order = codes;
        _day = today;
        const std::set<std::string> present(codes.begin(), codes.end());
        std::erase_if(_made, [&](const auto& entry) { return !present.count(entry.first); });
    }
    for (const auto& code : codes)
    {
        {
            std::lock_guard lock(_mutex);
            if (!_taken.count(code))
                continue;
        }
        if (stop && *stop)
            return;
        const auto detail = repository.findDetail(code, kAllReports, today);
        auto text =
            detail ? std::make_shared<const std::string>(oc4idsProjectText(*detail, map, today))
                   : nullptr;
        std::lock_guard lock(_mutex);
        if (text)
            _made[code] = std::move(text);
        _taken.erase(code); // a change to it meanwhile is in _pending, for the next round
    }
    std::lock_guard lock(_mutex);
    _refreshed = true;
    _firstRound.notify_all();
}

void Oc4idsProjects::run(persistence::Database& database, const DistrictMap& map,
                         const Clock& clock, const std::atomic<bool>& stop)
{
    // Behind the requests: the first round takes seconds of CPU at national scale, and a
    // page waiting for a core would count that against its own latency.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
    while (!stop)
    {
        try
        {
            refresh(database, map, clock.todayInHanoi(), &stop);
        }
        catch (const std::exception& error)
        {
            // The database away for a while: try again at the next change or minute.
            Poco::Logger::get("tracker").warning("OC4IDS projects: %s", std::string(error.what()));
        }
        std::unique_lock lock(_mutex);
        _changes.wait_for(lock, std::chrono::minutes(1),
                          [&] { return stop || _allStale || !_pending.empty(); });
    }
}

} // namespace tracker::net
