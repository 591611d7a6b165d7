#pragma once

#include "net/views/district_map.h"
#include "persistence/database.h"
#include "tracker/clock.h"
#include "tracker/date.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace tracker::net
{

// Every cluster's OC4IDS project as JSON text, made once and again only when that cluster
// changed or the day turned (milestones say "not met" by date), by one background maker.
// The package is put together from them: at national scale a write costs one project
// (about 10 ms), not the 1,200 that took over 10 s and 17 GB as one tree. While a project
// is being made again its previous text is served, and the package says so by not being
// cached. Told of changes where the page cache is.
class Oc4idsProjects
{
public:
    void changed(const std::vector<std::string>& clusterCodes);
    void changedAll();

    struct Texts
    {
        std::vector<std::shared_ptr<const std::string>> projects; // in cluster id order
        std::size_t missing = 0; // never made yet: the package is not ready
        std::size_t stale = 0;   // served from before a change, being made again
        std::size_t total = 0;
    };
    // What there is now; never makes anything. `wait`: how long to wait for the maker's
    // first round when it has not finished (the demo's 44 take a fraction of a second).
    Texts texts(std::chrono::milliseconds wait = std::chrono::milliseconds(0)) const;

    // Makes every missing or changed project, one at a time (checking `stop` between).
    void refresh(persistence::Database& database, const DistrictMap& map, const Date& today,
                 const std::atomic<bool>* stop = nullptr);
    // The maker: refreshes, then waits for a change (or a minute, for the date) until stopped.
    void run(persistence::Database& database, const DistrictMap& map, const Clock& clock,
             const std::atomic<bool>& stop);
    void wake(); // for stopping: run() looks at `stop` at once

private:
    mutable std::mutex _mutex; // guards everything below
    std::condition_variable _changes;
    mutable std::condition_variable _firstRound;
    std::set<std::string> _pending; // changed since the maker last looked
    std::set<std::string> _taken;   // being made again by the maker now
    bool _allStale = false;
    std::vector<std::string> _order; // cluster codes, id order, as of the last refresh
    std::map<std::string, std::shared_ptr<const std::string>> _made;
    Date _day;
    bool _refreshed = false;
};

} // namespace tracker::net
