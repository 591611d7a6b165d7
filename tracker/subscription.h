#pragma once

#include "tracker/date.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tracker
{

// A recipient of the weekly digest and what they follow: every cluster ("all"), one
// commune ("commune", its unit code), one former district ("district", its Vietnamese
// name) or one cluster ("cluster", its code); or of alerts for a saved search of /land
// ("land", its query).
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
    std::optional<Date> confirmedOn; // double opt-in: nothing is sent before this day
};

// What a subscription follows, as written on the command line and in the back office:
// "all", "commune:CODE" (a unit code, e.g. commune:10369), "district:NAME" (a former
// district's Vietnamese name) or "cluster:CODE".
struct DigestScope
{
    std::string kind = "all"; // all | commune | district | cluster
    std::string value;        // empty for all
};
// Nothing for any other text, or a NAME or CODE that is not valid UTF-8.
std::optional<DigestScope> parseDigestScope(std::string_view text);

} // namespace tracker
