#pragma once

#include "net/jobs/digest_mail.h"
#include "net/jobs/job_settings.h"
#include "net/jobs/jobs.h"
#include "persistence/database.h"
#include "tracker/clock.h"

#include <string>

namespace tracker::net
{

// The weekly digest: for each active subscription, what changed this week in the clusters
// it follows (tracker/digest_rules.h), as one email in the recipient's language — or no
// email when there is nothing to report. Each recipient and week has one outbox row,
// claimed before sending and marked after, so that crashes, retries and concurrent
// instances never send one twice; a recipient whose send failed stays pending and is
// retried (with backoff) by the next run — also a run of a later week, which first sends
// what the four weeks before it still owe (the mail server was down past their slots).
// Returns a summary; throws one when some recipients are left for a later run, so that the
// slot stays open.
std::string runWeeklyDigest(persistence::Database& database, const Clock& clock,
                            const JobSettings& jobs, const DigestTemplates& templates,
                            const Progress& progress);

// The week a digest run belongs to: the date of the latest digest slot at or before now.
Date digestWeek(const HanoiTime& now, const JobSettings& jobs);

} // namespace tracker::net
