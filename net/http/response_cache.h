#pragma once

#include "net/http/writer_first_mutex.h"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace tracker::net
{

struct CachedResponse
{
    std::string body;
    std::string contentType;
    std::string etag;              // strong, quoted
    std::uint64_t dataVersion = 0; // of its scope, when it was rendered
    std::string downloadName;      // for Content-Disposition; empty for pages
    std::string scope;             // what it depends on: one cluster's code, or "" for all
    std::string gzipped;           // the body gzip-compressed once, or empty (not worth it)
};

// Rendered responses per route, query and language, so that pages cost about as much as
// serving a file. Each answer has a scope: one cluster (its page, its API record), or
// everything (lists, the overview, districts, exports, feeds, the map). A write to a
// cluster makes that cluster's answers and every aggregate stale, and leaves the other
// clusters' answers alone; an entry older than its scope's version is never served.
// Bounded by bytes: past the budget, stale entries go first, then the least recently used.
class ResponseCache
{
public:
    // Shared by every lookup, exclusive for a write's invalidation: the writer goes first.
    using Lock = WriterFirstMutex;
    static constexpr std::size_t kDefaultBudgetBytes = 64 * 1024 * 1024;
    explicit ResponseCache(std::size_t budgetBytes = kDefaultBudgetBytes) : _budget(budgetBytes) {}
    void setBudget(std::size_t budgetBytes) { _budget = budgetBytes; }

    struct Stats
    {
        std::uint64_t hits = 0, misses = 0, evictions = 0, renders = 0, joined = 0, stale = 0;
        std::size_t entries = 0, bytes = 0;
    };
    Stats stats() const;

    // Single flight: one render per key at a time. The first miss of a key leads (renders,
    // then finishes the flight with what it stored, or nothing); later misses of the same
    // key wait for it, at most `patience`, and serve its answer instead of rendering again.
    class Flight;
    std::shared_ptr<Flight> joinFlight(const std::string& key, bool& leader);
    void finishFlight(const std::string& key, const std::shared_ptr<Flight>& flight,
                      std::shared_ptr<const CachedResponse> result);
    // The flight's answer, or nothing when it failed, answered other than 200, or took
    // longer than `patience`.
    std::shared_ptr<const CachedResponse> awaitFlight(const std::shared_ptr<Flight>& flight,
                                                      std::chrono::milliseconds patience);
    void countRender() { ++_renders; }

    // The version an answer of `scope` ("" for everything) is rendered at: read it before
    // reading the data, so that a write during the render leaves the entry stale.
    std::uint64_t dataVersion(const std::string& scope = {}) const;
    // Told of every change before the cache's version moves, so that whatever else holds
    // derived data (the summary snapshot) is marked stale before any render can see the
    // new version: nullptr for everything, else the clusters' codes.
    using ChangeListener = std::function<void(const std::vector<std::string>* clusterCodes)>;
    void setChangeListener(ChangeListener listener) { _listener = std::move(listener); }
    void invalidate(); // everything
    // A change to these clusters: their own answers and every aggregate.
    void invalidateClusters(const std::vector<std::string>& codes);

    std::shared_ptr<const CachedResponse> find(const std::string& key) const;
    // The entry under `key` even though a change made it stale, if that change is at most
    // `maxAge` old: served while another request renders the fresh answer.
    std::shared_ptr<const CachedResponse> findRecentlyStale(const std::string& key,
                                                            std::chrono::milliseconds maxAge) const;
    std::shared_ptr<const CachedResponse>
    store(const std::string& key, std::string body, std::string contentType,
          std::uint64_t renderedAtVersion, std::string downloadName = {}, std::string scope = {});

private:
    struct Slot
    {
        std::shared_ptr<const CachedResponse> response;
        std::size_t bytes = 0;
        mutable std::atomic<std::uint64_t> lastUsed{0};
    };
    void evictTo(std::size_t target); // with the lock held
    std::uint64_t versionLocked(const std::string& scope) const;

    // One counter for every change. An aggregate is current at `_version` (the last
    // change of any kind); a cluster's answers at the later of its own last change and
    // the last change to everything.
    ChangeListener _listener;
    std::atomic<std::uint64_t> _version{1};
    std::uint64_t _everythingAt = 1;
    std::unordered_map<std::string, std::uint64_t> _clusterAt;
    // When each recent change happened, by its version: how long an entry has been stale.
    std::deque<std::pair<std::uint64_t, std::chrono::steady_clock::time_point>> _changes;
    void noteChange(std::uint64_t version); // with the lock held
    std::size_t _budget;
    mutable Lock _mutex;
    std::unordered_map<std::string, std::unique_ptr<Slot>> _entries;
    std::size_t _bytes = 0;
    mutable std::atomic<std::uint64_t> _clock{0}; // ticks of use, for least-recently-used
    mutable std::atomic<std::uint64_t> _hits{0}, _misses{0}, _evictions{0}, _renders{0}, _joined{0},
        _stale{0};
    std::mutex _flightsMutex;
    std::unordered_map<std::string, std::shared_ptr<Flight>> _flights;
};

std::string strongEtag(const std::string& body, std::uint64_t version);

} // namespace tracker::net
