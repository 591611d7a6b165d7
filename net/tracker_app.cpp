#include "net/tracker_app.h"

#include "net/clock.h"
#include "net/tracker_server.h"
#include "persistence/database_url.h"
#include "persistence/seed_reader.h"

#include <Poco/File.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/LoggingConfigurator.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <iostream>

namespace tracker::net
{
namespace
{
using Poco::Util::Option;

const std::string kDefaultConfig = std::string(TRACKER_DEFAULT_ETC_DIR) + "/tracker.properties";

// Command-line options that set a configuration key.
const std::map<std::string, std::string> kOptionKeys{
    {"port", "http.port"}, {"database", "database.url"}, {"seed", "seed.mode"}};
} // namespace

void TrackerApp::defineOptions(Poco::Util::OptionSet& options)
{
    ServerApplication::defineOptions(options);
    options.addOption(Option("help", "h", "show this help and exit"));
    options.addOption(
        Option("port", "p", "HTTP port (http.port); 0 picks a free one").argument("N"));
    options.addOption(Option("database", "d",
                             "database URL (database.url): sqlite:PATH or "
                             "mysql://USER:PASSWORD@HOST:PORT/DATABASE")
                          .argument("URL"));
    options.addOption(Option("seed", "s", "demo (default): seed an empty database; none: never")
                          .argument("demo|none"));
    options.addOption(Option("config", "c", "configuration file (default: " + kDefaultConfig + ")")
                          .argument("FILE"));
}

void TrackerApp::handleOption(const std::string& name, const std::string& value)
{
    ServerApplication::handleOption(name, value);
    if (name == "help")
    {
        _helpRequested = true;
        stopOptionsProcessing();
    }
    else if (name == "config")
        _configFile = value;
    else if (const auto key = kOptionKeys.find(name); key != kOptionKeys.end())
        _overrides[key->second] = value;
}

void TrackerApp::initialize(Poco::Util::Application& self)
{
    ServerApplication::initialize(self);
}

void TrackerApp::printHelp() const
{
    Poco::Util::HelpFormatter help(options());
    help.setCommand(commandName());
    help.setUsage("[--port=N] [--database=URL] [--seed=demo|none] [--config=FILE]");
    help.setHeader("The Hanoi industrial-cluster tracker: progress pages and a JSON API.");
    help.setFooter("Every configuration key is documented in etc/tracker.properties.");
    help.format(std::cout);
}

int TrackerApp::main(const std::vector<std::string>& arguments)
{
    if (_helpRequested)
    {
        printHelp();
        return EXIT_OK;
    }
    if (!arguments.empty())
    {
        std::cerr << "tracker: unexpected argument '" << arguments.front()
                  << "' (see tracker --help)" << std::endl;
        return EXIT_USAGE;
    }
    try
    {
        return serve();
    }
    catch (const std::exception& error)
    {
        std::cerr << "tracker: " << error.what() << std::endl;
        return EXIT_CONFIG;
    }
}

int TrackerApp::serve()
{
    const std::string file = _configFile.empty() ? kDefaultConfig : _configFile;
    if (!_configFile.empty() || Poco::File(file).exists())
    {
        if (!Poco::File(file).exists())
            throw StartupError("cannot read the configuration file " + file + ": no such file");
        try
        {
            loadConfiguration(file, PRIO_APPLICATION);
        }
        catch (const Poco::Exception& error)
        {
            throw StartupError("cannot read the configuration file " + file + ": " +
                               error.displayText());
        }
    }
    // The command line outranks every file: a layer of its own above PRIO_APPLICATION.
    Poco::AutoPtr<Poco::Util::MapConfiguration> commandLine(new Poco::Util::MapConfiguration);
    for (const auto& [key, value] : _overrides)
        commandLine->setString(key, value);
    config().add(commandLine, "command-line", PRIO_APPLICATION - 100, false);
    Poco::Util::LoggingConfigurator().configure(config().createView("logging"));
    ServerSettings settings;
    try
    {
        settings = ServerSettings::fromConfiguration(config());
    }
    catch (const Poco::Exception& error)
    {
        throw StartupError("bad configuration value: " + error.displayText());
    }
    SystemClock clock;
    TrackerServer server(settings, clock);
    server.start();
    logger().information("listening on http://%s:%d (database %s)", settings.address, server.port(),
                         server.database().description());
    std::cout << "listening on http://" << settings.address << ":" << server.port() << std::endl;
    waitForTerminationRequest();
    logger().information("stopping");
    server.stop();
    return EXIT_OK;
}

} // namespace tracker::net
