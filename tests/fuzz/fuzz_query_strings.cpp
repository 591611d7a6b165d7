// Query strings of every list, search and download, and the path segments of the pages
// that take one, against the real server: a bad value is a clean 400 or 404, never a 5xx.
#include "fuzz_server.h"

#include <array>
#include <cstdint>

using namespace tracker::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::array<const char*, 18> kQueries{
        "/clusters",         "/api/v1/clusters",     "/land",          "/api/v1/land",
        "/exports/land.csv", "/land.atom",           "/delays",        "/api/v1/delays",
        "/compare",          "/exports/clusters.csv", "/subscribe",    "/subscriptions/confirm",
        "/subscriptions/manage", "/unsubscribe",     "/",              "/delays.atom",
        "/api/v1/land",      "/exports/land.xlsx"};
    static const std::array<const char*, 6> kSegments{
        "/clusters/", "/api/v1/clusters/", "/communes/", "/districts/", "/api/v1/districts/",
        "/statutory-reports/03/"};
    if (size < 2)
        return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 2, size - 2);
    std::string target;
    if (data[0] % 4 == 0)
        target = kSegments[data[1] % kSegments.size()] + percentEncode(rest, false);
    else
        target = std::string(kQueries[data[1] % kQueries.size()]) + "?" + percentEncode(rest, true);
    requireCleanAnswer(sendRaw(request("GET", target, "", "", false, false)), target);
    return 0;
}
