#pragma once

#include "net/app/server_settings.h"
#include "net/jobs/jobs.h"
#include "persistence/database.h"
#include "tracker/clock.h"

#include <functional>
#include <string>

namespace tracker::net
{

// The weekly digest: for each active subscription, what changed this week in the clusters
// it follows (new delays, still delayed and for how long, resolved), as one email in the
// recipient's language — or no email when there is nothing to report. Each recipient and
// week has one outbox row, claimed before sending and marked after, so that crashes,
// retries and concurrent instances never send one twice; a recipient whose send failed
// stays pending and is retried (with backoff) by the next run. Returns a summary.
std::string runWeeklyDigest(persistence::Database& database, const Clock& clock,
                            const ServerSettings& settings, const Progress& progress);

// The week a digest run belongs to: the date of the latest digest slot at or before now.
Date digestWeek(const HanoiTime& now, const JobSettings& jobs);

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
