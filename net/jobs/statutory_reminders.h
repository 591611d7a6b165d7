#pragma once

#include "net/jobs/job_settings.h"
#include "net/jobs/jobs.h"
#include "persistence/database.h"
#include "tracker/admin_units.h"
#include "tracker/clock.h"

#include <string>

namespace tracker::net
{

// Reminders of the statutory forms' deadlines (Thông tư 14/2024/TT-BCT): 7 days and 1 day
// before each form is due, one email to each account that must still file it — the
// developers for their clusters' Biểu 02 (and their tenants' Biểu 01), the commune
// officials for their Biểu 03, the city officials for Biểu 04 — listing what is not yet
// submitted, with links. Each reminder is one outbox row keyed by recipient, form, period
// and days before, so it is sent once however often the job runs, on however many
// instances. Periods before jobs.rules.firstStatutoryPeriod get none. Returns a summary;
// throws one when some are left for a later run.
std::string runStatutoryReminders(persistence::Database& database, const Clock& clock,
                                  const JobSettings& jobs, const AdminUnits& units,
                                  const Progress& progress);

} // namespace tracker::net
