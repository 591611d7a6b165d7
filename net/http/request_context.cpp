#include "net/http/request_context.h"

#include <atomic>
#include <cstdio>
#include <random>

namespace tracker::net
{

RequestContext& currentRequest()
{
    thread_local RequestContext context;
    return context;
}

std::string newRequestId()
{
    static const unsigned prefix = std::random_device{}();
    static std::atomic<unsigned long long> counter{0};
    char id[32];
    std::snprintf(id, sizeof id, "%08x-%06llx", prefix, ++counter);
    return id;
}

} // namespace tracker::net
