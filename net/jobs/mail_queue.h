#pragma once

#include "net/jobs/job_settings.h"
#include "net/jobs/jobs.h"
#include "persistence/database.h"
#include "tracker/clock.h"

#include <string>

namespace tracker::net
{

// Sends the queued one-off emails (enquiries, their receipts, opt-in confirmations,
// saved-search alerts) through the outbox, each exactly once however many instances run
// it; an alert carries List-Unsubscribe with one-click POST (RFC 8058). Returns a summary;
// throws one when some are left for a later run.
std::string runMailQueue(persistence::Database& database, const Clock& clock,
                         const JobSettings& jobs, const Progress& progress);

} // namespace tracker::net
