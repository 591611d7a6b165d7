#include "net/api/oc4ids_projects.h"

#include "net/api/oc4ids.h"
#include "persistence/cluster_repository.h"

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
    _stale.insert(clusterCodes.begin(), clusterCodes.end());
}

void Oc4idsProjects::changedAll()
{
    std::lock_guard lock(_mutex);
    _all = true;
    _stale.clear();
}

Oc4idsProjects::Texts Oc4idsProjects::texts(persistence::Database& database, const DistrictMap& map,
                                            const Date& today, std::size_t budget,
                                            const std::atomic<bool>* stop)
{
    // Someone is making them already (the warm-up, or another request): wait a little (the
    // demo's 44 take a fraction of a second), then say how far it got rather than wait past
    // a request's deadline.
    std::unique_lock making(_making, std::chrono::seconds(2));
    if (!making.owns_lock())
    {
        Texts busy;
        busy.total = _total;
        busy.missing = busy.total > _ready ? busy.total - _ready : 1;
        return busy;
    }
    {
        std::lock_guard lock(_mutex);
        if (_all || today != _day)
            _made.clear();
        for (const auto& code : _stale)
            _made.erase(code);
        _all = false;
        _stale.clear();
        _day = today;
    }
    persistence::ClusterRepository repository(database);
    const auto codes = repository.clusterCodes();
    Texts texts;
    texts.total = codes.size();
    _total = codes.size();
    _ready = 0;
    std::size_t made = 0;
    for (const auto& code : codes)
    {
        auto found = _made.find(code);
        if (found == _made.end() && made < budget && !(stop && *stop))
        {
            const auto detail = repository.findDetail(code, kAllReports, today);
            if (!detail)
                continue; // removed meanwhile
            found = _made
                        .emplace(code, std::make_shared<const std::string>(
                                           oc4idsProjectText(*detail, map, today)))
                        .first;
            ++made;
        }
        if (found == _made.end())
            ++texts.missing;
        else
            texts.projects.push_back(found->second);
        _ready = texts.projects.size();
    }
    // A cluster removed since: its project goes too.
    if (_made.size() > codes.size())
        std::erase_if(_made,
                      [&](const auto& entry) {
                          return std::find(codes.begin(), codes.end(), entry.first) == codes.end();
                      });
    return texts;
}

} // namespace tracker::net
