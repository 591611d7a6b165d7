#pragma once

#include "net/api/oc4ids_projects.h"
#include "net/app/change_watcher.h"
#include "net/app/memory_return.h"
#include "net/app/server_settings.h"
#include "net/http/http_connection.h"
#include "net/http/request_metrics.h"
#include "net/http/response_cache.h"
#include "net/jobs/digest_mail.h"
#include "net/jobs/jobs.h"
#include "net/pages/error_pages.h"
#include "net/site_context.h"
#include "net/views/district_map.h"
#include "net/views/page_templates.h"
#include "persistence/database.h"
#include "tracker/clock.h"

#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>
#include <atomic>
#include <memory>
#include <thread>

namespace tracker::net
{

// The whole service: opens the database, migrates, seeds when asked, and serves HTTP.
// main() and the tests both use it, so what the tests exercise is what runs.
// Opens the database named in the settings, migrates it and seeds it when asked: what the
// server and the command-line jobs both do first.
// `makeMissingSummaries`: make the stored figures of clusters that have none (not for the
// command that rebuilds them all and reports what was wrong).
std::unique_ptr<persistence::Database> prepareDatabase(const ServerSettings& settings,
                                                       const Clock& clock,
                                                       bool makeMissingSummaries = true);

// "host:pid", naming this process in job leases and run records.
std::string instanceName();

class TrackerServer
{
public:
    TrackerServer(const ServerSettings& settings, const Clock& clock);
    ~TrackerServer();

    void start();
    void stop();
    int port() const; // the real port, also when settings asked for 0
    persistence::Database& database() { return *_database; }
    // Every write calls this so that no page rendered before it is served again.
    void invalidateCache() { _cache.invalidate(); }
    // The gate reads pass (nullptr when http.readSlots is 0).
    ReadGate* readGate() { return _connections ? _connections->readGate() : nullptr; }
    const ResponseCache& cache() const { return _cache; }

private:
    ServerSettings _settings;
    std::unique_ptr<persistence::Database> _database;
    std::unique_ptr<PageTemplates> _templates;
    std::unique_ptr<DistrictMap> _map;
    std::shared_ptr<const DigestTemplates> _digestTemplates;
    ResponseCache _cache;
    persistence::SummarySnapshot _summaries; // marked stale by the cache's listener
    Oc4idsProjects _projects;                // the same
    // Makes the OC4IDS projects after the start and after each change, in the background
    // (at national scale making them all takes longer than a request may).
    std::thread _projectMaker;
    std::atomic<bool> _stopping{false};
    RequestMetrics _requestMetrics;
    std::unique_ptr<SiteContext> _pages;
    std::unique_ptr<SiteErrorAnswers> _answers; // outlives the router, which refers to it
    std::unique_ptr<Poco::ThreadPool> _threads;
    Poco::SharedPtr<KeepAliveConnectionFactory> _connections;
    std::unique_ptr<Poco::Net::TCPServer> _http;
    std::vector<ScheduledJob> _jobs;
    std::unique_ptr<Scheduler> _scheduler;
    std::unique_ptr<ChangeWatcher> _changes;
    std::unique_ptr<MemoryReturner> _memory;
};

// A failure to start that the operator can fix: one line says what and where.
class StartupError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace tracker::net
