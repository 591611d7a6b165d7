#include "net/tracker_server.h"

#include "net/api_handlers.h"
#include "net/router.h"
#include "persistence/demo_seeder.h"
#include "persistence/migrations.h"
#include "persistence/seed_reader.h"

#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Path.h>

namespace tracker::net
{
namespace
{
void makeParentFolder(const persistence::DatabaseUrl& url, const std::string& rawUrl)
{
    if (url.backend != persistence::Backend::Sqlite)
        return;
    const Poco::Path file(rawUrl.substr(7));
    if (file.depth() > 0)
        Poco::File(file.parent()).createDirectories();
}

std::unique_ptr<persistence::Database> openDatabase(const ServerSettings& settings)
{
    const auto url = persistence::DatabaseUrl::parse(settings.databaseUrl);
    try
    {
        makeParentFolder(url, settings.databaseUrl);
    }
    catch (const Poco::Exception& error)
    {
        throw StartupError("cannot create the folder for " + url.redacted + ": " +
                           error.displayText());
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
} // namespace

TrackerServer::TrackerServer(const ServerSettings& settings, const Clock& clock)
    : _settings(settings)
{
    _settings.validate();
    auto& logger = Poco::Logger::get("tracker");
    Poco::Net::ServerSocket socket = listen(_settings); // before any data work: fail fast
    _templates = std::make_unique<PageTemplates>(_settings.templateDirectory);
    _map = std::make_unique<DistrictMap>(_settings.mapDirectory);
    _database = openDatabase(_settings);
    const int applied = persistence::migrate(*_database);
    if (applied > 0)
        logger.information("applied %d migration(s) to %s", applied, _database->description());
    if (_settings.seedMode == "demo")
    {
        persistence::SeedOptions options;
        options.seedDirectory = _settings.seedDirectory;
        options.asOf = clock.todayInHanoi();
        options.randomSeed = _settings.randomSeed;
        options.progress = [&logger](const std::string& line) { logger.information(line); };
        const auto outcome = persistence::seedDemoData(*_database, options);
        if (outcome.seeded)
            logger.information("seeded %d clusters, %d work items, %d reports, %d tenants",
                               outcome.clusters, outcome.workItems, outcome.reports,
                               outcome.tenants);
    }
    auto router = Poco::Net::HTTPRequestHandlerFactory::Ptr(new Router(logger));
    _pages = std::make_unique<SiteContext>(
        SiteContext{*_database, clock, *_templates, _cache, _settings.staticDirectory, *_map});
    addApiRoutes(static_cast<Router&>(*router), *_pages);
    addPageRoutes(static_cast<Router&>(*router), *_pages);

    auto params = Poco::Net::HTTPServerParams::Ptr(new Poco::Net::HTTPServerParams);
    params->setMaxThreads(_settings.maxThreads);
    params->setMaxQueued(_settings.maxQueued);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(_settings.keepAliveSeconds, 0));
    _threads = std::make_unique<Poco::ThreadPool>(2, _settings.maxThreads);
    _connections = new KeepAliveConnectionFactory(params, router);
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
}

void TrackerServer::stop()
{
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
