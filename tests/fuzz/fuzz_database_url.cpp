// The database URL from the command line or the configuration: parsed or refused with
// InvalidDatabaseUrl, and the printable form never holds the password.
#include "persistence/database_url.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace tracker::persistence;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try
    {
        const auto url = DatabaseUrl::parse(text);
        if (url.backend == Backend::MySql && url.redacted.rfind("mysql://", 0) != 0)
            std::abort();
        // The printable form keeps the user and replaces the password, whatever it holds:
        // "mysql://USER:***@HOST:PORT/DB". (USER cannot hold ':', the password's separator.)
        if (url.backend == Backend::MySql)
        {
            const auto at = url.redacted.find('@');
            const auto credentials = url.redacted.substr(8, at - 8);
            const auto given = text.substr(8, text.find('@') - 8);
            const bool hasPassword = given.find(':') != std::string::npos;
            const bool masked = credentials.size() >= 4 &&
                                credentials.compare(credentials.size() - 4, 4, ":***") == 0;
            if (at == std::string::npos || hasPassword != masked ||
                credentials.substr(0, credentials.size() - (masked ? 4 : 0)).find(':') !=
                    std::string::npos)
                std::abort();
        }
    }
    catch (const InvalidDatabaseUrl&)
    {
    }
    return 0;
}
