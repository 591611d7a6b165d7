#pragma once

#include "net/app/account_commands.h"
#include "net/app/server_settings.h"

#include <Poco/Util/ServerApplication.h>
#include <map>
#include <string>

namespace tracker::net
{

// The `tracker` program: reads etc/tracker.properties (or --config), lets the command line
// override it, and runs the server until SIGTERM or SIGINT.
class TrackerApp : public Poco::Util::ServerApplication
{
protected:
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    void initialize(Poco::Util::Application& self) override;
    int main(const std::vector<std::string>& arguments) override;

private:
    void printHelp() const;
    int serve();
    void loadSettings(ServerSettings& settings);
    int runJob(const ServerSettings& settings);
    int subscribe(const ServerSettings& settings);
    int acknowledge(const ServerSettings& settings);
    int accountCommand(const ServerSettings& settings);
    int copyCommand(const ServerSettings& settings); // --backup or --restore
    int rebuildSummariesCommand(const ServerSettings& settings);

    bool _helpRequested = false;
    std::string _configFile;
    std::map<std::string, std::string> _overrides; // configuration key → command-line value
    std::string _runJob;                           // --run-job
    std::string _now;                              // --now
    std::string _subscribe; // --subscribe=EMAIL, with --scope, --lang, --name
    std::string _scope = "all";
    std::string _language = "vi";
    std::string _name;
    std::string _acknowledge; // --acknowledge=FLAG_ID, with --by and --comment
    std::string _by;
    std::string _comment;
    std::string _backup;  // --backup=FILE
    std::string _restore; // --restore=FILE
    bool _rebuildSummaries = false;
    AccountCommands _accounts; // --create-admin, --create-user, --create-token, --import
};

} // namespace tracker::net
