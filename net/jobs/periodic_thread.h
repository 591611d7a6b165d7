#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace tracker::net
{

// A thread that runs `tick` at once and then every `period` until stopped; stop() wakes it
// from its wait rather than letting a shutdown sit out the period.
class PeriodicThread
{
public:
    PeriodicThread(std::chrono::seconds period, std::function<void()> tick)
        : _period(period), _tick(std::move(tick))
    {
    }
    ~PeriodicThread() { stop(); }
    PeriodicThread(const PeriodicThread&) = delete;
    PeriodicThread& operator=(const PeriodicThread&) = delete;

    void start()
    {
        _thread = std::thread(
            [this]
            {
                std::unique_lock lock(_mutex);
                while (!_stopping)
                {
                    lock.unlock();
                    _tick();
                    lock.lock();
                    _wake.wait_for(lock, _period, [this] { return _stopping; });
                }
            });
    }

    void stop()
    {
        {
            std::lock_guard lock(_mutex);
            _stopping = true;
        }
        _wake.notify_all();
        if (_thread.joinable())
            _thread.join();
    }

private:
    std::chrono::seconds _period;
    std::function<void()> _tick;
    std::thread _thread;
    std::mutex _mutex;
    std::condition_variable _wake;
    bool _stopping = false;
};

} // namespace tracker::net
