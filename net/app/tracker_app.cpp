#include "net/app/tracker_app.h"

#include "net/app/job_list.h"
#include "net/app/json_log_formatter.h"
#include "net/app/tracker_server.h"
#include "net/jobs/unsubscribe_tokens.h"
#include "persistence/cluster_repository.h"
#include "persistence/database_url.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/mail_repository.h"
#include "persistence/seed_reader.h"
#include "tracker/clock.h"
#include "tracker/delay_rules.h"

#include <Poco/AutoPtr.h>
#include <Poco/File.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/LoggingConfigurator.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <algorithm>
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
    options.addOption(Option("run-job", "", "run one job now and exit: delay-scan or weekly-digest")
                          .argument("JOB"));
    options.addOption(Option("now", "", "the clock for --run-job, e.g. 2026-11-30T08:00:00+07:00")
                          .argument("TIME"));
    options.addOption(
        Option("smtp", "", "mail server HOST:PORT (smtp.host, smtp.port)").argument("HOST:PORT"));
    options.addOption(
        Option("subscribe", "", "add a weekly-digest subscription and exit").argument("EMAIL"));
    options.addOption(Option("scope", "",
                             "what --subscribe follows: all, district:NAME or "
                             "cluster:CODE (default all)")
                          .argument("SCOPE"));
    options.addOption(Option("lang", "", "language of --subscribe's emails: vi (default) or en")
                          .argument("vi|en"));
    options.addOption(Option("name", "", "the subscriber's name for --subscribe").argument("NAME"));
    options.addOption(Option("acknowledge", "",
                             "acknowledge an open delay flag (its id in "
                             "/api/v1/delays) and exit; needs --by, --comment")
                          .argument("FLAG_ID"));
    options.addOption(Option("by", "", "who acknowledges, for --acknowledge").argument("NAME"));
    options.addOption(
        Option("create-admin", "", "create an administrator; the password is read from stdin")
            .argument("EMAIL"));
    options.addOption(
        Option("create-user", "", "create an account with --role; password from stdin")
            .argument("EMAIL"));
    options.addOption(
        Option("role", "",
               "admin, city_official, commune_official, developer or viewer "
               "(district_official: the former role, moved to commune_official at start)")
            .argument("ROLE"));
    options.addOption(Option("districts", "", "a district official's districts (Vietnamese names)")
                          .argument("NAME,..."));
    options.addOption(
        Option("communes", "", "a commune official's xã/phường (statistics codes, e.g. 10369)")
            .argument("CODE,..."));
    options.addOption(Option("clusters", "", "a developer's cluster codes").argument("CODE,..."));
    options.addOption(Option("create-token", "",
                             "print a new API token for the account (the last line of stdout)")
                          .argument("EMAIL"));
    options.addOption(Option("token-days", "", "how long --create-token's token lasts (default 90)")
                          .argument("N"));
    options.addOption(Option("revoke-tokens", "", "revoke every API token of the account and exit")
                          .argument("EMAIL"));
    options.addOption(
        Option("import", "", "import a CSV file: tenants or reports, then FILE").argument("KIND"));
    options.addOption(Option("dry-run", "", "with --import: check every row, write nothing"));
    options.addOption(
        Option("comment", "", "what was done about it, for --acknowledge").argument("TEXT"));
    options.addOption(Option("backup", "",
                             "write a consistent backup of the database to FILE "
                             "(a SQLite file) while it serves, and exit")
                          .argument("FILE"));
    options.addOption(
        Option("restore", "", "load a backup FILE into the database, which must be empty, and exit")
            .argument("FILE"));
    options.addOption(Option("rebuild-summaries", "",
                             "recompute every cluster's stored figures (tenants, latest report) "
                             "from the records, say how many were wrong, and exit"));
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
    else if (name == "run-job")
        _runJob = value;
    else if (name == "now")
        _now = value;
    else if (name == "smtp")
    {
        const auto colon = value.rfind(':');
        _overrides["smtp.host"] = value.substr(0, colon);
        if (colon != std::string::npos)
            _overrides["smtp.port"] = value.substr(colon + 1);
    }
    else if (name == "subscribe")
        _subscribe = value;
    else if (name == "scope")
        _scope = value;
    else if (name == "lang")
        _language = value;
    else if (name == "name")
        _name = value;
    else if (name == "acknowledge")
        _acknowledge = value;
    else if (name == "by")
        _by = value;
    else if (name == "comment")
        _comment = value;
    else if (name == "backup")
        _backup = value;
    else if (name == "restore")
        _restore = value;
    else if (name == "rebuild-summaries")
        _rebuildSummaries = true;
    else if (AccountCommands::handles(name))
        _accounts.set(name, value);
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
    if (_accounts.wantsFile() && arguments.size() == 1)
        _accounts.setImportFile(arguments.front());
    else if (!arguments.empty())
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

namespace
{
// Every logger writes through the JSON formatter to the channel the configuration gave it.
void useJsonLogLines()
{
    auto& root = Poco::Logger::root();
    Poco::AutoPtr<Poco::Channel> json(
        new Poco::FormattingChannel(new JsonLogFormatter, root.getChannel()));
    std::vector<std::string> names;
    Poco::Logger::names(names);
    for (const auto& name : names)
        Poco::Logger::get(name).setChannel(json);
    root.setChannel(json);
}
} // namespace

void TrackerApp::loadSettings(ServerSettings& settings)
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
    const std::string format = config().getString("logging.format", "json");
    if (format != "json" && format != "text")
        throw StartupError("logging.format must be json or text, not '" + format + "'");
    if (format == "json")
        useJsonLogLines();
    try
    {
        settings = ServerSettings::fromConfiguration(config());
        settings.validate();
        useDelayThresholds(settings.jobs.thresholds); // the command-line jobs judge alike
    }
    catch (const Poco::Exception& error)
    {
        throw StartupError("bad configuration value: " + error.displayText());
    }
    catch (const std::invalid_argument& error)
    {
        throw StartupError(error.what());
    }
}

int TrackerApp::serve()
{
    ServerSettings settings;
    loadSettings(settings);
    if (!_runJob.empty())
        return runJob(settings);
    if (!_subscribe.empty())
        return subscribe(settings);
    if (!_acknowledge.empty())
        return acknowledge(settings);
    if (_accounts.requested())
        return accountCommand(settings);
    if (!_backup.empty() || !_restore.empty())
        return copyCommand(settings);
    if (_rebuildSummaries)
        return rebuildSummariesCommand(settings);
    if (!_now.empty())
        throw StartupError("--now only applies to --run-job");
    limitMallocArenas(settings.mallocArenas); // before the serving threads allocate
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
