#pragma once

#include "net/access/auth_settings.h"
#include "net/jobs/job_settings.h"

#include <string>
#include <vector>

namespace Poco::Util
{
class AbstractConfiguration;
}

namespace tracker::net
{

// Every configuration key the server reads, with its default (etc/tracker.properties
// documents each one).
struct ServerSettings
{
    std::string address = "127.0.0.1";
    int port = 8080;
    int maxThreads = 128; // Poco serves one thread per keep-alive connection
    int maxQueued = 512;
    int keepAliveSeconds = 15;
    int headSeconds = 5;             // a request's headers, from their first byte
    int bodySeconds = 10;            // then its body and answer, plus 1 s per 64 KiB of body
    int connectionsPerAddress = 100; // open at once from one client (trusted proxies: no cap)
    // Reads worked on at once; writes never wait for them (net/http/read_gate.h). 0: no limit,
    // the default: on two cores, 4 slots halved the writes' p99 under load but cost about a
    // third of the cached pages' throughput (README, Benchmarks).
    int readSlots = 0;
    int readPatienceMs = 100; // a read waits this long at most, then goes on without a slot
    std::string databaseUrl = "sqlite:var/tracker.db";
    int poolSize = 8;
    std::string seedMode = "demo"; // demo | none
    std::string seedDirectory = std::string(TRACKER_DEFAULT_ETC_DIR) + "/seed";
    unsigned randomSeed = 20221;
    std::string templateDirectory = std::string(TRACKER_DEFAULT_ETC_DIR) + "/templates";
    std::string staticDirectory = std::string(TRACKER_DEFAULT_ETC_DIR) + "/static";
    int changeCheckSeconds = 2; // how soon another instance's writes reach this cache
    int cacheMegabytes = 64;    // the page cache's budget; least recently used go first
    std::vector<std::string> metricsAllow{"127.0.0.1", "::1"}; // who may read /metrics
    std::string metricsToken;                                  // or whoever bears it; never logged
    int mallocArenas = 0; // glibc malloc arenas; 0: one per core (net/app/memory_return.h)
    int trimSeconds = 10; // how often free memory goes back to the system; 0: never
    std::string unitsFile =
        std::string(TRACKER_DEFAULT_ETC_DIR) + "/admin-units/hanoi-units-2025.csv";
    std::string mapDirectory = std::string(TRACKER_DEFAULT_ETC_DIR) + "/map";
    std::string mailTemplateDirectory = std::string(TRACKER_DEFAULT_ETC_DIR) + "/mail";
    JobSettings jobs;
    AuthSettings auth;

    static ServerSettings fromConfiguration(const Poco::Util::AbstractConfiguration& config);
    // Throws std::invalid_argument with a message naming the key when a value is unusable.
    void validate() const;
};

} // namespace tracker::net
