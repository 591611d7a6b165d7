#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>

namespace tracker::net
{

// At most `slots` reads (GET, HEAD) are worked on at once; writes never wait here.
//
// Poco gives every connection a thread, so 64 busy clients are 64 runnable threads on
// two cores, and a write (about 2 ms of CPU) waited behind them: its p99 was over 100 ms
// at national scale (issue 12). With the gate, threads past the slots sleep in line, in
// the order they came, and a write competes with a few threads instead of all of them.
// A read waits at most `patience`, then goes on without a slot, so a slot held by a slow
// client (a large download) holds nobody up for long.
class ReadGate
{
public:
    ReadGate(int slots, std::chrono::milliseconds patience) : _free(slots), _patience(patience) {}

    // A slot while it lives (or none, when the gate is off or the wait ran out).
    class Slot
    {
    public:
        Slot() = default;
        explicit Slot(ReadGate* gate) : _gate(gate) {}
        Slot(Slot&& other) noexcept : _gate(other._gate) { other._gate = nullptr; }
        Slot& operator=(Slot&&) = delete;
        Slot(const Slot&) = delete;
        ~Slot()
        {
            if (_gate)
                _gate->leave();
        }
        bool held() const { return _gate != nullptr; }

    private:
        ReadGate* _gate = nullptr;
    };

    Slot enter();

    struct Stats
    {
        std::uint64_t waited = 0;   // reads that found every slot taken
        std::uint64_t timedOut = 0; // of those, the ones that went on without one
    };
    Stats stats() const;

private:
    struct Waiter
    {
        std::condition_variable wake;
        bool admitted = false;
    };
    void leave();

    mutable std::mutex _mutex;
    int _free;
    std::chrono::milliseconds _patience;
    std::deque<Waiter*> _line; // first come, first served: the freed slot goes to the front
    Stats _stats;
};

} // namespace tracker::net
