#pragma once

#include "net/app/server_settings.h"
#include "net/jobs/digest_mail.h"
#include "net/jobs/jobs.h"
#include "persistence/database.h"
#include "tracker/clock.h"

#include <memory>
#include <vector>

namespace tracker::net
{

// The scheduled jobs, in the order they run when several are due: the one list that the
// scheduler runs on their slots and `--run-job NAME` runs now. `progress` (may be empty)
// hears what a long run is doing. The digest's templates are read beforehand, at start-up.
std::vector<ScheduledJob> scheduledJobs(persistence::Database& database, const Clock& clock,
                                        const ServerSettings& settings,
                                        std::shared_ptr<const DigestTemplates> templates,
                                        const Progress& progress);

// Their names, known before any database is opened: "delay-scan", "weekly-digest",
// "statutory-reminders".
const std::vector<std::string>& jobNames();
// For messages: "delay-scan or weekly-digest".
std::string jobNamesText();

} // namespace tracker::net
