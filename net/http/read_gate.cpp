#include "net/http/read_gate.h"

#include <algorithm>

namespace tracker::net
{

ReadGate::Slot ReadGate::enter()
{
    std::unique_lock lock(_mutex);
    if (_free > 0 && _line.empty())
    {
        --_free;
        return Slot(this);
    }
    ++_stats.waited;
    Waiter me;
    _line.push_back(&me);
    if (me.wake.wait_for(lock, _patience, [&me] { return me.admitted; }))
        return Slot(this); // the slot was handed over by leave()
    _line.erase(std::find(_line.begin(), _line.end(), &me));
    ++_stats.timedOut;
    return Slot();
}

void ReadGate::leave()
{
    std::lock_guard lock(_mutex);
    if (_line.empty())
    {
        ++_free;
        return;
    }
    Waiter* next = _line.front();
    _line.pop_front();
    next->admitted = true;
    next->wake.notify_one();
}

ReadGate::Stats ReadGate::stats() const
{
    std::lock_guard lock(_mutex);
    return _stats;
}

} // namespace tracker::net
