#pragma once

#include "net/jobs/job_settings.h"
#include "persistence/database.h"

#include <cstdint>
#include <functional>
#include <string>

namespace tracker::net
{

// Unsubscribe tokens: "<id>-<HMAC-SHA-512/256 of the id>" (libsodium), keyed by
// mail.unsubscribeSecret or a random key the database keeps.
std::string unsubscribeToken(persistence::Database& database, const JobSettings& jobs,
                             std::int64_t subscriptionId);
// The same, with the key read once: safe to call inside another unit of work.
std::function<std::string(std::int64_t)> unsubscribeSigner(persistence::Database& database,
                                                           const JobSettings& jobs);
bool validUnsubscribeToken(persistence::Database& database, const JobSettings& jobs,
                           const std::string& token);

} // namespace tracker::net
