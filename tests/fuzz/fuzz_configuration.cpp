// A configuration file (etc/tracker.properties): read, then checked; a bad value stops the
// start with one message (an exception the program reports), never a crash or UB.
#include "net/app/server_settings.h"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/PropertyFileConfiguration.h>
#include <cstdint>
#include <sstream>
#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::istringstream text(std::string(reinterpret_cast<const char*>(data), size));
    try
    {
        Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config(
            new Poco::Util::PropertyFileConfiguration(text));
        const auto settings = tracker::net::ServerSettings::fromConfiguration(*config);
        settings.validate();
    }
    catch (const std::invalid_argument&)
    {
    }
    catch (const Poco::Exception&)
    {
    }
    return 0;
}
