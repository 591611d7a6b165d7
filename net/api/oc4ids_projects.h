#pragma once

#include "net/views/district_map.h"
#include "persistence/database.h"
#include "tracker/date.h"

#include <atomic>
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
// changed or the day turned (milestones say "not met" by date). The package is then put
// together from them: at national scale a write costs one project (about 10 ms), not the
// 1,200 that took over 10 s and 17 GB as one tree. Told of changes where the page cache is.
class Oc4idsProjects
{
public:
    void changed(const std::vector<std::string>& clusterCodes);
    void changedAll();

    struct Texts
    {
        std::vector<std::shared_ptr<const std::string>> projects; // in cluster id order
        std::size_t missing = 0; // projects still to make: the package is not ready
        std::size_t total = 0;
    };
    // Every project, making at most `budget` of the missing or changed ones in this call.
    // `stop`: checked between projects (a warm-up stopped at shutdown).
    Texts texts(persistence::Database& database, const DistrictMap& map, const Date& today,
                std::size_t budget, const std::atomic<bool>* stop = nullptr);

private:
    std::mutex _mutex; // guards _stale and _all
    std::set<std::string> _stale;
    bool _all = true;
    std::timed_mutex _making; // one maker at a time; guards _made and _day
    std::map<std::string, std::shared_ptr<const std::string>> _made;
    Date _day;
    std::atomic<std::size_t> _total{0}, _ready{0}; // how far the maker got, for the others
};

} // namespace tracker::net
