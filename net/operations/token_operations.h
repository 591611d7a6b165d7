#pragma once

#include "net/operations/edit_operations.h"
#include "persistence/token_repository.h"

#include <optional>
#include <string>

namespace tracker::net
{

// A token just made: its record, and the secret, which is shown this once and never stored.
struct IssuedToken
{
    persistence::TokenRecord record;
    std::string secret;
};

// "active", "expired" or "revoked" at `now` (unix seconds).
const char* tokenState(const persistence::TokenRecord& token, long long now);

// Every signed-in account manages its own tokens, in the back office and through the API.
// `callerTokenExpiry`: when the request came with a token, that token's expiry: a token may
// make others, but none that outlives it.
EditResult<IssuedToken> issueToken(const Editor& editor, const std::string& name,
                                   const std::string& days,
                                   std::optional<long long> callerTokenExpiry);
// NotFound for a token that is not the account's; Invalid for one already revoked.
EditResult<persistence::TokenRecord> revokeToken(const Editor& editor, std::int64_t tokenId);

} // namespace tracker::net
