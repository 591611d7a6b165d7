#pragma once

#include <cstdint>
#include <string>

namespace tracker::net
{

// What the log lines of one request carry, on the thread that serves it: its id (also sent
// as X-Request-Id), its route, and the account behind it once known. Set by the router and
// by sign-in checks; read by the JSON log formatter.
struct RequestContext
{
    std::string id;
    std::string route;
    std::int64_t accountId = 0;
    int status = 0;
    double durationMs = -1;
};

// This thread's request, or an empty one outside requests.
RequestContext& currentRequest();

// A fresh id: this process's random prefix and a counter, "3f9c2a1b-000017".
std::string newRequestId();

} // namespace tracker::net
