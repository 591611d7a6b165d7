#pragma once

#include "net/app/tracker_server.h"
#include "net/jobs/jobs.h"
#include "support/test_database.h"

#include <functional>
#include <memory>
#include <string>

namespace tracker::testing
{

constexpr long long kTestNow = 1795712400; // 2026-11-27 00:00 in Hanoi

// The real server on a free port over a fresh database of the run's backend.
struct RunningServer
{
    TestDatabase storage;
    FixedClock clock{kTestNow};
    std::unique_ptr<net::TrackerServer> server;

    net::ServerSettings settings;

    explicit RunningServer(const std::string& seedMode = "demo",
                           const std::function<void(net::ServerSettings&)>& adjust = {})
    {
        settings.port = 0;
        settings.databaseUrl = storage.url();
        settings.seedMode = seedMode;
        settings.seedDirectory = std::string(TRACKER_ETC_DIR) + "/seed";
        settings.templateDirectory = std::string(TRACKER_ETC_DIR) + "/templates";
        settings.staticDirectory = std::string(TRACKER_ETC_DIR) + "/static";
        settings.mapDirectory = std::string(TRACKER_ETC_DIR) + "/map";
        settings.maxThreads = 40; // 36 serve; a few are kept to answer "busy"
        settings.jobs.schedulerEnabled = false; // tests run jobs themselves, at dates they choose
        if (adjust)
            adjust(settings);
        server = std::make_unique<net::TrackerServer>(settings, clock);
        server->start();
    }
    int port() const { return server->port(); }
    // A second instance of the tracker on the same database, as behind a load balancer.
    std::unique_ptr<net::TrackerServer> anotherInstance()
    {
        auto another = settings;
        another.seedMode = "none";
        auto instance = std::make_unique<net::TrackerServer>(another, clock);
        instance->start();
        return instance;
    }
    // The daily delay scan, as the scheduler would run it today.
    void runDelayScan()
    {
        net::runDelayScan(storage.database(), clock.todayInHanoi(), DelayThresholds{}, nullptr);
        server->invalidateCache();
    }
};

} // namespace tracker::testing
