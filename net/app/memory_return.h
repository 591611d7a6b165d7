#pragma once

#include "net/jobs/periodic_thread.h"

#include <chrono>
#include <memory>

namespace tracker::net
{

// glibc gives a thread that finds its arena locked an arena of its own, up to eight per core.
// With ~130 serving threads re-rendering pages after every write, each arena keeps its own
// high-water mark and the pages freed inside it stay with the process: the 10-minute soak of
// scripts/faults grew by 31 % after warm-up. Fewer arenas, and handing free pages back now and
// then, keep the process's memory flat. Both do nothing where the C library is not glibc.

// glibc also keeps a small cache of freed blocks in every thread (tcache), which malloc_trim
// cannot empty: over ~130 serving threads it grew the soak's memory by a fifth in four
// minutes before levelling off; with it off the memory stayed flat, and requests per second
// were the same (scripts/faults, e; README). glibc reads that setting only when a program
// starts, so this re-executes the program once with GLIBC_TUNABLES asking for it, unless
// the environment already sets a tcache tunable. Returns only when it did not re-execute.
void reexecWithoutThreadCaches(char** argv);

// At most `arenas` malloc arenas from now on (0: one per core). Call before serving starts.
void limitMallocArenas(int arenas);

// Hands the pages free inside every arena back to the system; true when some were.
bool returnFreeMemory();

// Calls returnFreeMemory() every `period` on a thread of its own, until destroyed.
class MemoryReturner
{
public:
    explicit MemoryReturner(std::chrono::seconds period);
    void start() { _thread.start(); }
    void stop() { _thread.stop(); }

private:
    PeriodicThread _thread;
};

} // namespace tracker::net
