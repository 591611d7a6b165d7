#include "net/app/memory_return.h"
#include "net/app/server_settings.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>
#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

using namespace tracker::net;

namespace
{
// The process's own memory in KiB, as the soak of scripts/faults reads it.
long rssAnonKiB()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    long value = 0;
    while (status >> key)
    {
        if (key == "RssAnon:")
        {
            status >> value;
            return value;
        }
        status.ignore(1 << 10, '\n');
    }
    return -1;
}
} // namespace

#if defined(__GLIBC__)
TEST_CASE("freed memory inside the heap goes back to the system", "[net][memory]")
{
    // 64 MB in blocks small enough to come from the heap, not from mmap; the last one stays,
    // so the heap cannot simply shrink from its top and only the trim can return the rest.
    std::vector<std::unique_ptr<char[]>> blocks;
    for (int i = 0; i < 16 * 1024; ++i)
    {
        blocks.emplace_back(new char[4000]);
        std::fill_n(blocks.back().get(), 4000, static_cast<char>(i));
    }
    auto keep = std::move(blocks.back());
    blocks.clear();
    const long before = rssAnonKiB();
    REQUIRE(before > 0);
    returnFreeMemory();
    const long after = rssAnonKiB();
    CHECK(before - after > 32 * 1024); // most of the 64 MB
    CHECK(keep[0] == static_cast<char>(16 * 1024 - 1));
}
#endif

TEST_CASE("memory settings are read and checked", "[net][memory]")
{
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    CHECK(ServerSettings::fromConfiguration(*config).trimSeconds == 10);
    CHECK(ServerSettings::fromConfiguration(*config).mallocArenas == 0);
    config->setString("memory.arenas", "2");
    config->setString("memory.trimSeconds", "0");
    auto settings = ServerSettings::fromConfiguration(*config);
    CHECK(settings.mallocArenas == 2);
    CHECK(settings.trimSeconds == 0);
    CHECK_NOTHROW(settings.validate());
    settings.mallocArenas = -1;
    CHECK_THROWS_WITH(settings.validate(),
                      "memory.arenas must be between 0 (one per core) and 1024");
    settings.mallocArenas = 0;
    settings.trimSeconds = 86401;
    CHECK_THROWS_WITH(settings.validate(),
                      "memory.trimSeconds must be between 0 (never) and 86400");
}
