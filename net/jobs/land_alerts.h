#pragma once

#include "net/jobs/job_settings.h"
#include "net/jobs/jobs.h"
#include "persistence/database.h"
#include "tracker/clock.h"

#include <string>
#include <vector>

namespace tracker::net
{

struct LandRow;

// What a saved search's alert compares: each matching cluster and the land it offers,
// "code=m²" sorted and joined by ';' ("?" for a figure not on record).
std::string landAlertState(const std::vector<LandRow>& rows);

// Saved searches of /land (double opt-in subscriptions of kind land): for each, the
// clusters that match today; when they differ from what its last alert said (a cluster
// appeared or left, or its land on offer changed), one alert is queued, once per change
// across instances (the state is swapped only where it still holds the old one). The mail
// queue sends it. Returns a summary.
std::string runLandAlerts(persistence::Database& database, const Clock& clock,
                          const JobSettings& jobs, const Progress& progress);

} // namespace tracker::net
