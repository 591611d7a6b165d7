#include "net/http/request_metrics.h"

namespace tracker::net
{

void RequestMetrics::record(const std::string& route, int status, std::chrono::nanoseconds took)
{
    const double seconds = std::chrono::duration<double>(took).count();
    std::lock_guard lock(_mutex);
    ++_requests[{route, status}];
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i])
            ++_buckets[i];
    ++_count;
    _sumSeconds += seconds;
}

RequestMetrics::Snapshot RequestMetrics::snapshot() const
{
    std::lock_guard lock(_mutex);
    return {_requests, _buckets, _count, _sumSeconds};
}

} // namespace tracker::net
