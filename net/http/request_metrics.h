#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace tracker::net
{

// What the HTTP side counts for /metrics: requests by route pattern and status, and one
// latency histogram over all of them. The route is the table's pattern
// ("GET /clusters/{code}"), never the raw path, so that the label set stays small.
class RequestMetrics
{
public:
    static constexpr std::array<double, 10> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,  0.1,    0.25,  1.0,  5.0};

    void record(const std::string& route, int status, std::chrono::nanoseconds took);

    struct Snapshot
    {
        std::map<std::pair<std::string, int>, std::uint64_t> requests;
        std::array<std::uint64_t, kBuckets.size()> buckets{}; // cumulative, as Prometheus has them
        std::uint64_t count = 0;
        double sumSeconds = 0;
    };
    Snapshot snapshot() const;

private:
    mutable std::mutex _mutex;
    std::map<std::pair<std::string, int>, std::uint64_t> _requests;
    std::array<std::uint64_t, kBuckets.size()> _buckets{};
    std::uint64_t _count = 0;
    double _sumSeconds = 0;
};

} // namespace tracker::net
