#pragma once

#include "tracker/date.h"

#include <cstdint>
#include <optional>
#include <string>

namespace tracker
{

// A recipient of the weekly digest and what they follow: every cluster ("all"), one
// district ("district", its Vietnamese name) or one cluster ("cluster", its code).
struct Subscription
{
    std::int64_t id = 0;
    std::string email;
    std::string name;
    std::string language = "vi";
    std::string scopeKind = "all";
    std::string scopeValue;
    std::string token; // for unsubscribe links
    std::optional<Date> unsubscribedOn;
};

} // namespace tracker
