#include "net/app/memory_return.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <thread>
#include <unistd.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace tracker::net
{

void limitMallocArenas(int arenas)
{
#if defined(__GLIBC__)
    if (arenas <= 0)
        arenas = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    mallopt(M_ARENA_MAX, arenas);
#else
    (void)arenas;
#endif
}

void reexecWithoutThreadCaches(char** argv)
{
#if defined(__GLIBC__)
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    const std::string current = tunables ? tunables : "";
    if (current.find("tcache") != std::string::npos)
        return; // set already: by us before the exec, or by the operator
    const std::string wanted =
        (current.empty() ? "" : current + ":") + "glibc.malloc.tcache_count=0";
    if (setenv("GLIBC_TUNABLES", wanted.c_str(), 1) != 0)
        return;
    execv("/proc/self/exe", argv);
    // No /proc (a bare chroot): carry on with the caches, and leave the environment as it was.
    if (tunables)
        setenv("GLIBC_TUNABLES", current.c_str(), 1);
    else
        unsetenv("GLIBC_TUNABLES");
#else
    (void)argv;
#endif
}

bool returnFreeMemory()
{
#if defined(__GLIBC__)
    return malloc_trim(0) == 1;
#else
    return false;
#endif
}

MemoryReturner::MemoryReturner(std::chrono::seconds period)
    : _thread(period, [] { returnFreeMemory(); })
{
}

} // namespace tracker::net
