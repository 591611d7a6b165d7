#pragma once

#include "tracker/field_errors.h"

#include <optional>
#include <string>
#include <variant>

namespace tracker
{

constexpr long long kDefaultTokenDays = 90;
constexpr long long kMaxTokenDays = 3650;

// What a person asks for when making an API token: a name to tell it from their others, and
// how many days it works.
struct TokenRequest
{
    std::string name;
    long long days = kDefaultTokenDays;
};

// `days` empty: the default. `latestExpiry` (unix seconds): the token the request came with,
// when it came with one; a token may make others, but none that outlives it.
std::variant<TokenRequest, FieldErrors> validateTokenRequest(const std::string& name,
                                                             const std::string& days, long long now,
                                                             std::optional<long long> latestExpiry);

} // namespace tracker
