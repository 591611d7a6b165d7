#include "net/http/response_cache.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <thread>

using tracker::net::ResponseCache;

TEST_CASE("the page cache stays within its budget, dropping the least recently used",
          "[net][cache]")
{
    ResponseCache cache(100 * 1024);
    const std::string body(10 * 1024, 'x');
    const auto version = cache.dataVersion();
    cache.store("hot", body, "text/html", version);
    for (int i = 0; i < 50; ++i)
    {
        REQUIRE(cache.find("hot")); // kept in use
        cache.store("cold" + std::to_string(i), body, "text/html", version);
    }
    const auto stats = cache.stats();
    CHECK(stats.bytes <= 100 * 1024);
    CHECK(stats.entries < 10);
    CHECK(stats.evictions > 40);
    CHECK(cache.find("hot"));
    CHECK_FALSE(cache.find("cold0"));
    CHECK(cache.find("cold49"));
}

TEST_CASE("the page cache drops answers of older data first, and never keeps one over budget",
          "[net][cache]")
{
    ResponseCache cache(50 * 1024);
    cache.store("old", std::string(20 * 1024, 'o'), "text/html", cache.dataVersion());
    cache.invalidate();
    CHECK_FALSE(cache.find("old")); // never served for newer data
    cache.store("new1", std::string(20 * 1024, 'n'), "text/html", cache.dataVersion());
    cache.store("new2", std::string(20 * 1024, 'n'), "text/html", cache.dataVersion());
    CHECK(cache.find("new1"));
    CHECK(cache.find("new2"));
    const auto huge =
        cache.store("huge", std::string(60 * 1024, 'h'), "text/html", cache.dataVersion());
    CHECK(huge->body.size() == 60 * 1024); // served
    CHECK_FALSE(cache.find("huge"));       // not kept
    CHECK(cache.stats().bytes <= 50 * 1024);
}

TEST_CASE("a change to one cluster leaves the other clusters' answers and keeps aggregates fresh",
          "[net][cache]")
{
    ResponseCache cache;
    const auto a = cache.dataVersion("huu-bang");
    const auto b = cache.dataVersion("cau-bau");
    const auto all = cache.dataVersion();
    cache.store("page|/clusters/huu-bang", "A", "text/html", a, {}, "huu-bang");
    cache.store("page|/clusters/cau-bau", "B", "text/html", b, {}, "cau-bau");
    cache.store("page|/clusters", "list", "text/html", all);
    REQUIRE(cache.find("page|/clusters/huu-bang"));

    cache.invalidateClusters({"huu-bang"});
    CHECK_FALSE(cache.find("page|/clusters/huu-bang")); // its own page
    CHECK_FALSE(cache.find("page|/clusters"));          // every aggregate
    CHECK(cache.find("page|/clusters/cau-bau"));        // the other cluster: untouched

    // A render that read its version before a write is stale once stored.
    const auto before = cache.dataVersion("cau-bau");
    cache.invalidateClusters({"cau-bau"});
    cache.store("page|/clusters/cau-bau", "B, older", "text/html", before, {}, "cau-bau");
    CHECK_FALSE(cache.find("page|/clusters/cau-bau"));
    cache.store("page|/clusters/cau-bau", "B, newer", "text/html", cache.dataVersion("cau-bau"), {},
                "cau-bau");
    CHECK(cache.find("page|/clusters/cau-bau"));

    cache.invalidate(); // everything, cluster pages included
    CHECK_FALSE(cache.find("page|/clusters/cau-bau"));
    cache.store("page|/clusters/huu-bang", "A2", "text/html", cache.dataVersion("huu-bang"), {},
                "huu-bang");
    CHECK(cache.find("page|/clusters/huu-bang"));
}

TEST_CASE("a stale answer may stand in for at most its allowance after the change", "[net][cache]")
{
    using namespace std::chrono_literals;
    ResponseCache cache;
    cache.store("page|/clusters/huu-bang", "A", "text/html", cache.dataVersion("huu-bang"), {},
                "huu-bang");
    cache.store("page|/clusters/cau-bau", "B", "text/html", cache.dataVersion("cau-bau"), {},
                "cau-bau");
    CHECK_FALSE(cache.findRecentlyStale("page|/nowhere", 1000ms));
    std::this_thread::sleep_for(300ms);
    cache.invalidateClusters({"huu-bang"});
    CHECK_FALSE(cache.find("page|/clusters/huu-bang"));
    const auto previous = cache.findRecentlyStale("page|/clusters/huu-bang", 1000ms);
    REQUIRE(previous);
    CHECK(previous->body == "A");
    CHECK(cache.stats().stale == 1);
    // Measured from the change, not from the render: 300 ms after it, a 200 ms allowance
    // is spent.
    std::this_thread::sleep_for(300ms);
    CHECK_FALSE(cache.findRecentlyStale("page|/clusters/huu-bang", 200ms));
    // Later changes do not make an old answer young again.
    std::this_thread::sleep_for(800ms);
    cache.invalidateClusters({"huu-bang"});
    CHECK_FALSE(cache.findRecentlyStale("page|/clusters/huu-bang", 1000ms));
    CHECK(cache.findRecentlyStale("page|/clusters/cau-bau", 1000ms)); // fresh is fine too
}

// The page cache's lock lets a waiting writer in before new readers: with glibc's default
// (readers first), 64 busy readers kept a write's invalidation out for up to 70 ms.
TEST_CASE("once a writer waits for the cache's lock, new readers wait behind it", "[net][cache]")
{
    tracker::net::ResponseCache::Lock mutex;
    mutex.lock_shared(); // a reader holds it
    auto writer = std::async(std::launch::async,
                             [&]
                             {
                                 mutex.lock();
                                 mutex.unlock();
                             });
    // Readers get in until the writer is waiting; from then on they are refused. A lock that
    // prefers readers lets every one of them in, and this loop runs out.
    bool refused = false;
    for (int i = 0; i < 400 && !refused; ++i)
    {
        if (mutex.try_lock_shared())
            mutex.unlock_shared();
        else
            refused = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    CHECK(refused);
    mutex.unlock_shared();
    writer.get(); // and the writer got its turn
    CHECK(mutex.try_lock_shared());
    mutex.unlock_shared();
}
