#include "net/app/tracker_server.h"

#include "net/app/job_list.h"
#include "net/http/router.h"
#include "net/pages/error_pages.h"
#include "net/routes.h"
#include "net/views/admin_units_file.h"
#include "net/views/collation.h"
#include "persistence/account_upgrade.h"
#include "persistence/cluster_summaries.h"
#include "persistence/demo_seeder.h"
#include "persistence/dialect.h"
#include "persistence/migrations.h"
#include "persistence/seed_reader.h"

#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Path.h>
#include <Poco/Process.h>
#include <algorithm>
#include <filesystem>

namespace tracker::net
{
namespace
{
std::unique_ptr<persistence::Database> openDatabase(const ServerSettings& settings)
{
    const auto url = persistence::DatabaseUrl::parse(settings.databaseUrl);
    try
    {
        persistence::dialect::prepareStorage(url);
    }
    catch (const std::filesystem::filesystem_error& error)
    {
        throw StartupError("cannot create the folder for " + url.redacted + ": " +
                           error.code().message());
    }
    return std::make_unique<persistence::Database>(url, settings.poolSize);
}

Poco::Net::ServerSocket listen(const ServerSettings& settings)
{
    try
    {
        Poco::Net::ServerSocket socket;
        socket.bind(
            Poco::Net::SocketAddress(settings.address, static_cast<Poco::UInt16>(settings.port)),
            true);
        socket.listen(256);
        return socket;
    }
    catch (const Poco::Exception& error)
    {
        // message() without the class name: "Address already in use: 127.0.0.1:8080".
        throw StartupError("cannot listen on " + settings.address + ":" +
                           std::to_string(settings.port) + ": " +
                           (error.message().empty() ? error.displayText() : error.message()));
    }
}

// Since 1/7/2025: clusters seeded before the units existed get their placement, and district
// officials become commune officials. Both are audited and printed once, when they happen.
void placeIn2025Units(persistence::Database& database, const ServerSettings& settings,
                      const Clock& clock)
{
    auto& logger = Poco::Logger::get("tracker");
    const persistence::AuditContext context{"system:units-2025", "start-up", clock.nowRfc3339()};
    if (const int placed =
            persistence::placeUnmappedFromSeed(database, settings.seedDirectory, context))
        logger.information("placed %d clusters in their 2025 xã/phường", placed);
    useAdminUnits(settings.unitsFile);
    const auto& units = adminUnits();
    for (const auto& account : persistence::upgradeDistrictOfficials(database, units, context))
    {
        std::string districts, communes;
        for (const auto& d : account.districts)
            districts += (districts.empty() ? "" : ", ") + d;
        for (const auto& code : account.communes)
            communes +=
                (communes.empty() ? "" : ", ") + code + " " + units.byCode(code)->nameInText();
        logger.warning("district official %s (%s) is now a commune official of %s; an admin can "
                       "change this at /admin/users",
                       account.email, districts, communes.empty() ? "no unit" : communes);
    }
}
} // namespace

std::unique_ptr<persistence::Database>
prepareDatabase(const ServerSettings& settings, const Clock& clock, bool makeMissingSummaries)
{
    auto& logger = Poco::Logger::get("tracker");
    auto database = openDatabase(settings);
    const int applied = persistence::migrate(*database);
    if (applied > 0)
        logger.information("applied %d migration(s) to %s", applied, database->description());
    if (settings.seedMode == "demo")
    {
        persistence::SeedOptions options;
        options.seedDirectory = settings.seedDirectory;
        options.asOf = clock.todayInHanoi();
        options.randomSeed = settings.randomSeed;
        options.progress = [&logger](const std::string& line) { logger.information(line); };
        const auto outcome = persistence::seedDemoData(*database, options);
        if (outcome.seeded)
            logger.information("seeded %d clusters, %d work items, %d reports, %d tenants",
                               outcome.clusters, outcome.workItems, outcome.reports,
                               outcome.tenants);
    }
    placeIn2025Units(*database, settings, clock);
    // Clusters written by something other than the tracker (a script filling SQLite
    // directly) have no stored figures: make them once, rather than show them empty.
    if (const int missing =
            makeMissingSummaries ? persistence::clustersWithoutSummary(*database) : 0;
        missing > 0)
    {
        const auto rebuilt = persistence::rebuildSummaries(*database);
        logger.information("made the stored figures of %d clusters (%d had none)", rebuilt.rows,
                           missing);
    }
    return database;
}

std::string instanceName()
{
    return Poco::Environment::nodeName() + ":" + std::to_string(Poco::Process::id());
}

TrackerServer::TrackerServer(const ServerSettings& settings, const Clock& clock)
    : _settings(settings)
{
    _settings.validate();
    useDelayThresholds(_settings.jobs.thresholds); // every "behind" agrees with the flags
    _cache.setBudget(static_cast<std::size_t>(_settings.cacheMegabytes) * 1024 * 1024);
    auto& logger = Poco::Logger::get("tracker");
    Poco::Net::ServerSocket socket = listen(_settings); // before any data work: fail fast
    _templates = std::make_unique<PageTemplates>(_settings.templateDirectory);
    _map = std::make_unique<DistrictMap>(_settings.mapDirectory);
    useAdminUnits(_settings.unitsFile);
    _digestTemplates = std::make_shared<const DigestTemplates>(_settings.mailTemplateDirectory);
    _database = prepareDatabase(_settings, clock);
    _cache.setChangeListener(
        [this](const std::vector<std::string>* codes)
        {
            if (codes)
            {
                _summaries.changed(*codes);
                _projects.changed(*codes);
            }
            else
            {
                _summaries.changedAll();
                _projects.changedAll();
            }
        });
    _pages = std::make_unique<SiteContext>(
        SiteContext{*_database, clock, *_templates, _cache, _summaries, _settings.staticDirectory,
                    *_map, adminUnits(), _settings.auth, _settings.jobs,
                    MetricsAccess{_settings.metricsAllow, _settings.metricsToken, &_requestMetrics},
                    &_projects});
    // Every cluster's figures in memory before the first request: otherwise the first page
    // after a start pays for loading them (about 60 ms at national scale, issue 12).
    _summaries.summaries(*_database, clock.todayInHanoi());
    // ICU loads its Vietnamese collation data on first use (tens of ms): here, not in the
    // first visitor's page. Each serving thread still makes its own collator, from that data.
    vietnameseLess("a", "đ");
    _answers = std::make_unique<SiteErrorAnswers>(*_pages);
    auto router =
        Poco::Net::HTTPRequestHandlerFactory::Ptr(new Router(logger, *_answers, &_requestMetrics));
    addRoutes(static_cast<Router&>(*router), *_pages);
    _jobs = scheduledJobs(*_database, clock, _settings, _digestTemplates, nullptr);

    auto params = Poco::Net::HTTPServerParams::Ptr(new Poco::Net::HTTPServerParams);
    params->setMaxThreads(_settings.maxThreads);
    params->setMaxQueued(_settings.maxQueued);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(_settings.keepAliveSeconds, 0));
    _threads = std::make_unique<Poco::ThreadPool>(2, _settings.maxThreads);
    RequestDeadlines deadlines;
    deadlines.head = std::chrono::seconds(_settings.headSeconds);
    deadlines.body = std::chrono::seconds(_settings.bodySeconds);
    deadlines.connectionsPerAddress = _settings.connectionsPerAddress;
    deadlines.readSlots = _settings.readSlots;
    deadlines.readPatience = std::chrono::milliseconds(_settings.readPatienceMs);
    deadlines.uncapped = _settings.auth.trustedProxies;
    // A few threads are kept for saying "busy" (503) once the rest hold connections.
    const int spare = std::clamp(_settings.maxThreads / 4, 1, 4);
    deadlines.maxOpen = std::max(1, _settings.maxThreads - spare);
    _connections = new KeepAliveConnectionFactory(params, router, deadlines);
    _http = std::make_unique<Poco::Net::TCPServer>(
        Poco::Net::TCPServerConnectionFactory::Ptr(_connections), *_threads, socket, params);
}

TrackerServer::~TrackerServer()
{
    stop();
}

void TrackerServer::start()
{
    _http->start();
    // The OC4IDS projects' maker: all of them now (some seconds at national scale), then
    // whatever changes.
    _projectMaker = std::thread([this, &clock = _pages->clock]
                                { _projects.run(*_database, *_map, clock, _stopping); });
    _changes = std::make_unique<ChangeWatcher>(
        *_database, _settings.changeCheckSeconds,
        ChangeWatcher::Sink{[this] { _cache.invalidate(); },
                            [this](const std::vector<std::string>& codes)
                            { _cache.invalidateClusters(codes); }});
    _changes->start();
    if (_settings.trimSeconds > 0)
    {
        _memory = std::make_unique<MemoryReturner>(std::chrono::seconds(_settings.trimSeconds));
        _memory->start();
    }
    if (_settings.jobs.schedulerEnabled)
    {
        _scheduler = std::make_unique<Scheduler>(
            *_database, _pages->clock, instanceName(), _settings.jobs.leaseSeconds,
            _settings.jobs.checkSeconds, _jobs, [this] { _cache.invalidate(); });
        _scheduler->start();
    }
}

void TrackerServer::stop()
{
    _stopping = true;
    _projects.wake();
    if (_projectMaker.joinable())
        _projectMaker.join();
    if (_scheduler)
        _scheduler->stop();
    if (_changes)
        _changes->stop();
    if (_memory)
        _memory->stop();
    if (!_http)
        return;
    _connections->stopAll();
    _http->stop();
}

int TrackerServer::port() const
{
    return _http->port();
}

} // namespace tracker::net
