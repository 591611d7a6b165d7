#include "support/test_database.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <soci/soci.h>
#include <stdexcept>
#include <unistd.h>

namespace tracker::testing
{
namespace
{
std::atomic<int> counter{0};

// The pid alone is not enough: a pid is reused, and a process killed before its cleanup
// leaves a seeded file behind that the next process with that pid would open as "fresh".
std::string uniqueName(const std::string& prefix)
{
    static const auto run = std::random_device{}();
    return prefix + std::to_string(getpid()) + "_" + std::to_string(run) + "_" +
           std::to_string(counter++);
}

std::string mysqlBaseUrl()
{
    const char* url = std::getenv("TRACKER_TEST_MYSQL_URL");
    if (!url || !*url)
        throw std::runtime_error("TRACKER_TEST_MYSQL_URL is not set: run the suite with "
                                 "scripts/test, which starts a private MariaDB server");
    return url;
}

void onServer(const std::string& statement)
{
    persistence::Database server(persistence::DatabaseUrl::parse(mysqlBaseUrl()), 1);
    server.withSession([&](soci::session& session) { session << statement; });
}
} // namespace

bool runningOnMariaDb()
{
    return Catch::getCurrentContext().getConfig()->name() == "mariadb";
}

TestDatabase::TestDatabase()
{
    if (runningOnMariaDb())
    {
        _cleanupName = uniqueName("tracker_t");
        onServer("CREATE DATABASE " + _cleanupName +
                 " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        const std::string base = mysqlBaseUrl();
        _url = base.substr(0, base.rfind('/') + 1) + _cleanupName;
    }
    else
    {
        _cleanupName =
            (std::filesystem::temp_directory_path() / (uniqueName("tracker-test-") + ".db"))
                .string();
        _url = "sqlite:" + _cleanupName;
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(_cleanupName + suffix);
    }
    _database = connectAgain(4);
}

std::unique_ptr<persistence::Database> TestDatabase::connectAgain(int poolSize) const
{
    return std::make_unique<persistence::Database>(persistence::DatabaseUrl::parse(_url), poolSize);
}

TestDatabase::~TestDatabase()
{
    _database.reset();
    try
    {
        if (runningOnMariaDb())
            onServer("DROP DATABASE IF EXISTS " + _cleanupName);
        else
            for (const char* suffix : {"", "-wal", "-shm"})
                std::filesystem::remove(_cleanupName + suffix);
    }
    catch (const std::exception&)
    {
        // Leftovers in a private temporary server or folder harm nothing.
    }
}

} // namespace tracker::testing
