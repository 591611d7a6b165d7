#include "net/http/response_cache.h"

#include "net/http/compression.h"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <vector>

namespace tracker::net
{

std::string strongEtag(const std::string& body, std::uint64_t version)
{
    std::uint64_t hash = 1469598103934665603ULL; // FNV-1a: fast and stable, not a secret
    for (const unsigned char c : body)
        hash = (hash ^ c) * 1099511628211ULL;
    char text[64];
    std::snprintf(text, sizeof text, "\"%llx-%llx\"", static_cast<unsigned long long>(version),
                  static_cast<unsigned long long>(hash));
    return text;
}

std::uint64_t ResponseCache::versionLocked(const std::string& scope) const
{
    if (scope.empty())
        return _version.load();
    const auto found = _clusterAt.find(scope);
    return found == _clusterAt.end() ? _everythingAt : std::max(_everythingAt, found->second);
}

std::uint64_t ResponseCache::dataVersion(const std::string& scope) const
{
    std::shared_lock lock(_mutex);
    return versionLocked(scope);
}

void ResponseCache::noteChange(std::uint64_t version)
{
    const auto now = std::chrono::steady_clock::now();
    _changes.emplace_back(version, now);
    constexpr std::size_t kMostRemembered = 10000;
    while (_changes.size() > kMostRemembered ||
           (!_changes.empty() && now - _changes.front().second > std::chrono::seconds(10)))
        _changes.pop_front();
}

void ResponseCache::invalidate()
{
    if (_listener)
        _listener(nullptr);
    std::unique_lock lock(_mutex);
    _everythingAt = ++_version;
    _clusterAt.clear(); // every cluster is at _everythingAt now
    noteChange(_everythingAt);
}

void ResponseCache::invalidateClusters(const std::vector<std::string>& codes)
{
    if (_listener)
        _listener(&codes);
    std::unique_lock lock(_mutex);
    const auto now = ++_version;
    for (const auto& code : codes)
        _clusterAt[code] = now;
    noteChange(now);
}

std::shared_ptr<const CachedResponse>
ResponseCache::findRecentlyStale(const std::string& key, std::chrono::milliseconds maxAge) const
{
    std::shared_lock lock(_mutex);
    const auto found = _entries.find(key);
    if (found == _entries.end())
        return nullptr;
    const auto& entry = found->second->response;
    if (entry->dataVersion == versionLocked(entry->scope))
        return entry; // not stale at all
    // The first change after the entry was rendered: the entry is stale since then at the
    // latest (that change may have been to another cluster: then it is fresher than this
    // says, and is served stale for less time, never more).
    const auto first = std::upper_bound(_changes.begin(), _changes.end(), entry->dataVersion,
                                        [](std::uint64_t version, const auto& change)
                                        { return version < change.first; });
    if (first == _changes.end() || std::chrono::steady_clock::now() - first->second > maxAge)
        return nullptr;
    ++_stale;
    return entry;
}

std::shared_ptr<const CachedResponse> ResponseCache::find(const std::string& key) const
{
    std::shared_lock lock(_mutex);
    const auto found = _entries.find(key);
    if (found == _entries.end() ||
        found->second->response->dataVersion != versionLocked(found->second->response->scope))
    {
        ++_misses;
        return nullptr;
    }
    found->second->lastUsed.store(++_clock, std::memory_order_relaxed);
    ++_hits;
    return found->second->response;
}

std::shared_ptr<const CachedResponse>
ResponseCache::store(const std::string& key, std::string body, std::string contentType,
                     std::uint64_t renderedAtVersion, std::string downloadName, std::string scope)
{
    auto entry = std::make_shared<CachedResponse>();
    entry->etag = strongEtag(body, renderedAtVersion);
    entry->body = std::move(body);
    entry->contentType = std::move(contentType);
    entry->dataVersion = renderedAtVersion;
    entry->downloadName = std::move(downloadName);
    entry->scope = std::move(scope);
    entry->gzipped = gzipFor(entry->contentType, entry->body);
    auto slot = std::make_unique<Slot>();
    slot->bytes =
        key.size() + entry->body.size() + entry->gzipped.size() + entry->etag.size() + 128;
    slot->response = entry;
    slot->lastUsed = ++_clock;
    std::unique_lock lock(_mutex);
    if (const auto old = _entries.find(key); old != _entries.end())
    {
        _bytes -= old->second->bytes;
        _entries.erase(old);
    }
    if (slot->bytes > _budget)
        return entry; // larger than the whole budget: served, not kept
    evictTo(_budget - slot->bytes);
    _bytes += slot->bytes;
    _entries.emplace(key, std::move(slot));
    return entry;
}

void ResponseCache::evictTo(std::size_t target)
{
    if (_bytes <= target)
        return;
    for (auto it = _entries.begin(); it != _entries.end();) // stale versions first
    {
        if (it->second->response->dataVersion == versionLocked(it->second->response->scope))
            ++it;
        else
        {
            _bytes -= it->second->bytes;
            it = _entries.erase(it);
            ++_evictions;
        }
    }
    if (_bytes <= target)
        return;
    // Then the least recently used, down to nine tenths of the target so that the next
    // few stores do not each scan the whole cache.
    std::vector<std::pair<std::uint64_t, std::string>> byUse;
    for (const auto& [key, slot] : _entries)
        byUse.emplace_back(slot->lastUsed.load(std::memory_order_relaxed), key);
    std::sort(byUse.begin(), byUse.end());
    const std::size_t goal = target / 10 * 9;
    for (const auto& [used, key] : byUse)
    {
        if (_bytes <= goal)
            break;
        const auto it = _entries.find(key);
        _bytes -= it->second->bytes;
        _entries.erase(it);
        ++_evictions;
    }
}

ResponseCache::Stats ResponseCache::stats() const
{
    std::shared_lock lock(_mutex);
    return {_hits.load(),   _misses.load(), _evictions.load(), _renders.load(),
            _joined.load(), _stale.load(),  _entries.size(),   _bytes};
}

class ResponseCache::Flight
{
public:
    std::mutex mutex;
    std::condition_variable landed;
    bool done = false;
    std::shared_ptr<const CachedResponse> result;
};

std::shared_ptr<ResponseCache::Flight> ResponseCache::joinFlight(const std::string& key,
                                                                 bool& leader)
{
    std::lock_guard lock(_flightsMutex);
    auto& flight = _flights[key];
    leader = !flight;
    if (leader)
        flight = std::make_shared<Flight>();
    else
        ++_joined;
    return flight;
}

void ResponseCache::finishFlight(const std::string& key, const std::shared_ptr<Flight>& flight,
                                 std::shared_ptr<const CachedResponse> result)
{
    {
        std::lock_guard lock(_flightsMutex);
        if (const auto found = _flights.find(key);
            found != _flights.end() && found->second == flight)
            _flights.erase(found);
    }
    {
        std::lock_guard lock(flight->mutex);
        flight->done = true;
        flight->result = std::move(result);
    }
    flight->landed.notify_all();
}

std::shared_ptr<const CachedResponse>
ResponseCache::awaitFlight(const std::shared_ptr<Flight>& flight,
                           std::chrono::milliseconds patience)
{
    std::unique_lock lock(flight->mutex);
    if (!flight->landed.wait_for(lock, patience, [&] { return flight->done; }))
        return nullptr;
    return flight->result;
}

} // namespace tracker::net
