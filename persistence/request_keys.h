#pragma once

#include "persistence/database.h"

#include <cstdint>
#include <optional>
#include <string>

namespace soci
{
class session;
}

namespace tracker::persistence
{

// A client's key for one write (Idempotency-Key), scoped to its account, and a fingerprint
// of the request (method, path, body) it was first used for.
struct RequestKey
{
    std::string key;
    std::string fingerprint;
};

// Thrown by a write whose key was used before; the write itself changed nothing.
struct RepeatedRequest
{
    std::int64_t entityId = 0; // what the first request wrote
    bool sameRequest = true;   // false: the key came back with a different request
};

// Runs `write` (which returns the id it wrote) in one transaction with the key's record, so
// that the write and the key commit together or not at all. Without a key, just the write.
std::int64_t writeOnce(Database& database, const std::optional<RequestKey>& key,
                       const std::string& entity, const std::string& at,
                       const std::function<std::int64_t(soci::session&)>& write);

} // namespace tracker::persistence
