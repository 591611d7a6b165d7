// Run by tests/cluster/galera_test.sh only (the tag is hidden): two sessions on two nodes
// of a real Galera cluster write the same rows crosswise. Galera certifies one and aborts
// the other with error 1213; the pool runs the loser again as a whole, so both take effect.
#include "persistence/database.h"
#include "persistence/migrations.h"

#include <catch2/catch.hpp>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <soci/soci.h>
#include <sstream>
#include <thread>

using namespace tracker::persistence;

namespace
{
std::vector<std::string> nodeUrls()
{
    const char* urls = std::getenv("TRACKER_TEST_GALERA_URLS");
    REQUIRE(urls != nullptr);
    std::istringstream words(urls);
    std::vector<std::string> found;
    for (std::string url; words >> url;)
        found.push_back(url);
    REQUIRE(found.size() >= 2);
    return found;
}

std::string valueOn(Database& node, const std::string& name)
{
    std::string value;
    node.withSession(
        [&](soci::session& session)
        {
            session << "SET SESSION wsrep_sync_wait = 1"; // see every write committed anywhere
            session << "SELECT value FROM tracker_meta WHERE name = :n", soci::use(name),
                soci::into(value);
        });
    return value;
}
} // namespace

TEST_CASE("writes that conflict across Galera nodes are retried whole and none is lost",
          "[mariadb-only][.galera]")
{
    const auto urls = nodeUrls();
    Database first(DatabaseUrl::parse(urls[0]), 1);
    Database second(DatabaseUrl::parse(urls[1]), 1);
    migrate(first);
    first.withSession(
        [](soci::session& session)
        {
            session << "DELETE FROM tracker_meta WHERE name IN ('galera-a', 'galera-b')";
            session << "INSERT INTO tracker_meta (name, value) VALUES ('galera-a', '0'), "
                       "('galera-b', '0')";
        });
    REQUIRE(valueOn(second, "galera-a") == "0"); // replicated before the race starts

    constexpr int kRounds = 10;
    std::mutex mutex;
    std::condition_variable cv;
    int arrived = 0;
    const auto crosswise = [&](Database& node, const char* one, const char* two)
    {
        for (int round = 0; round < kRounds; ++round)
        {
            bool firstAttempt = true;
            node.withSession(
                [&](soci::session& session)
                {
                    soci::transaction transaction(session);
                    session << "UPDATE tracker_meta SET value = CAST(value AS SIGNED) + 1 "
                               "WHERE name = :n",
                        soci::use(std::string(one));
                    if (firstAttempt) // both hold their first row before either commits
                    {
                        firstAttempt = false;
                        std::unique_lock lock(mutex);
                        ++arrived;
                        cv.notify_all();
                        cv.wait(lock, [&] { return arrived >= 2 * (round + 1); });
                    }
                    session << "UPDATE tracker_meta SET value = CAST(value AS SIGNED) + 1 "
                               "WHERE name = :n",
                        soci::use(std::string(two));
                    transaction.commit();
                });
        }
    };
    std::thread a([&] { crosswise(first, "galera-a", "galera-b"); });
    std::thread b([&] { crosswise(second, "galera-b", "galera-a"); });
    a.join();
    b.join();
    const auto retried = first.poolStats().conflictRetries + second.poolStats().conflictRetries;
    WARN("certification conflicts retried: " << retried << " in " << kRounds << " rounds");
    CHECK(retried > 0);
    CHECK(valueOn(first, "galera-a") == std::to_string(2 * kRounds));
    CHECK(valueOn(second, "galera-b") == std::to_string(2 * kRounds));
}
