#include "persistence/summary_snapshot.h"

#include "persistence/cluster_repository.h"
#include "tracker/delay_rules.h"
#include "tracker/metrics.h"

#include <algorithm>

namespace tracker::persistence
{

void SummarySnapshot::changed(const std::vector<std::string>& clusterCodes)
{
    std::lock_guard lock(_mutex);
    _pending.codes.insert(clusterCodes.begin(), clusterCodes.end());
}

void SummarySnapshot::changedAll()
{
    std::lock_guard lock(_mutex);
    _pending.all = true;
    _pending.codes.clear();
}

SummarySnapshot::Stats SummarySnapshot::stats() const
{
    std::lock_guard lock(_mutex);
    return _stats;
}

void SummarySnapshot::reload(Database& database, const Pending& pending)
{
    ClusterRepository repository(database);
    if (pending.all)
    {
        _inputs = repository.allSummaryInputs();
        std::lock_guard lock(_mutex);
        ++_stats.fullLoads;
        return;
    }
    for (const auto& code : pending.codes)
    {
        auto fresh = repository.summaryInputs(code);
        const auto at =
            std::find_if(_inputs.begin(), _inputs.end(),
                         [&](const ClusterDetail& d) { return d.summary.cluster.code == code; });
        if (at != _inputs.end())
            _inputs.erase(at);
        if (fresh)
        {
            const auto id = fresh->summary.cluster.id;
            const auto place =
                std::find_if(_inputs.begin(), _inputs.end(),
                             [&](const ClusterDetail& d) { return d.summary.cluster.id > id; });
            _inputs.insert(place, std::move(*fresh));
        }
        std::lock_guard lock(_mutex);
        ++_stats.clusterLoads;
    }
}

std::vector<ClusterSummary> SummarySnapshot::summaries(Database& database, const Date& asOf)
{
    std::lock_guard loading(_loading);
    Pending pending;
    {
        std::lock_guard lock(_mutex);
        std::swap(pending, _pending);
        _pending.all = false; // what arrives from now on is for the next call
    }
    if (pending.all || !pending.codes.empty())
    {
        try
        {
            reload(database, pending);
        }
        catch (...)
        {
            changedAll(); // half reloaded: start again from nothing next time
            throw;
        }
    }
    std::vector<ClusterSummary> summaries;
    summaries.reserve(_inputs.size());
    for (const auto& input : _inputs)
    {
        ClusterSummary summary = input.summary;
        summary.progressPercent = weightedProgressPercent(input.items);
        summary.plannedPercent = plannedProgressPercent(input.items, asOf);
        summary.overdueItems = overdueItemCount(input.items, asOf);
        summary.behindSchedule =
            isBehindSchedule(input.items, summary.disbursed, asOf, delayThresholds());
        summaries.push_back(std::move(summary));
    }
    return summaries;
}

} // namespace tracker::persistence
