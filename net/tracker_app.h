#pragma once

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

    bool _helpRequested = false;
    std::string _configFile;
    std::map<std::string, std::string> _overrides; // configuration key → command-line value
};

} // namespace tracker::net
