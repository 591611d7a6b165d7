#pragma once

#include "persistence/database.h"
#include "tracker/metrics.h"

#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace tracker::persistence
{

// Every cluster's summary inputs (registry row, work items, tenant figures, latest report)
// kept in memory, so that a list, the overview, a district or the map costs no database
// read unless something changed: a change to one cluster reloads that cluster alone (four
// small queries), and only a change that names no cluster reloads them all. The figures
// that depend on the date are computed on every call, from memory.
//
// Whoever writes must say so (changed, changedAll) before anyone can see the write as
// new: the site does it where it invalidates its page cache, before the cache's version
// moves, so that a render that sees the new version also sees the new data.
class SummarySnapshot
{
public:
    std::vector<ClusterSummary> summaries(Database& database, const Date& asOf);
    void changed(const std::vector<std::string>& clusterCodes);
    void changedAll();

    struct Stats
    {
        std::uint64_t fullLoads = 0, clusterLoads = 0;
    };
    Stats stats() const;

private:
    struct Pending
    {
        bool all = true;
        std::set<std::string> codes;
    };
    void reload(Database& database, const Pending& pending); // with _loading held

    mutable std::mutex _mutex; // guards _pending and the counts
    Pending _pending;
    Stats _stats;
    std::mutex _loading;                // one reload and one computation at a time; guards _inputs
    std::vector<ClusterDetail> _inputs; // ordered by cluster id
};

} // namespace tracker::persistence
