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
