#include "net/app/memory_return.h"

#include <algorithm>
#include <thread>

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
