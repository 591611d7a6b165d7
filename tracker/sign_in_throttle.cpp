#include "tracker/sign_in_throttle.h"

#include <algorithm>

namespace tracker
{

long long throttleWait(const FailureHistory& history, int free, long long capSeconds, long long now)
{
    if (history.count < free)
        return 0;
    long long delay = 1;
    for (int i = free; i < history.count && delay < capSeconds; ++i)
        delay *= 2;
    delay = std::min(delay, capSeconds);
    return std::max(0LL, history.latest + delay - now);
}

} // namespace tracker
