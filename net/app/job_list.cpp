#include "net/app/job_list.h"

#include "net/jobs/land_alerts.h"
#include "net/jobs/mail_queue.h"
#include "net/jobs/statutory_reminders.h"
#include "net/jobs/weekly_digest.h"
#include "net/views/admin_units_file.h"

namespace tracker::net
{

std::vector<ScheduledJob> scheduledJobs(persistence::Database& database, const Clock& clock,
                                        const ServerSettings& settings,
                                        std::shared_ptr<const DigestTemplates> templates,
                                        const Progress& progress)
{
    const JobSettings jobs = settings.jobs;
    return {
        {jobNames().at(0),
         [jobs](const HanoiTime& now) { return dailySlot(now, jobs.scanHour, jobs.scanMinute); },
         [&database, &clock, jobs, progress](const std::string&) {
             return scanSummary(
                 runDelayScan(database, clock.todayInHanoi(), jobs.thresholds, progress));
         }},
        {jobNames().at(1),
         [jobs](const HanoiTime& now)
         { return weeklySlot(now, jobs.digestWeekday, jobs.digestHour, jobs.digestMinute); },
         [&database, &clock, jobs, templates, progress](const std::string&)
         { return runWeeklyDigest(database, clock, jobs, *templates, progress); }},
        {jobNames().at(2),
         [jobs](const HanoiTime& now) { return dailySlot(now, jobs.scanHour, jobs.scanMinute); },
         [&database, &clock, jobs, progress](const std::string&)
         { return runStatutoryReminders(database, clock, jobs, adminUnits(), progress); }},
        // Saved-search alerts, hourly; the queue they fill (and enquiries, receipts and
        // opt-in confirmations) goes out every five minutes.
        {jobNames().at(3), [](const HanoiTime& now) { return everyMinutesSlot(now, 60); },
         [&database, &clock, jobs, progress](const std::string&)
         { return runLandAlerts(database, clock, jobs, progress); }},
        {jobNames().at(4), [](const HanoiTime& now) { return everyMinutesSlot(now, 5); },
         [&database, &clock, jobs, progress](const std::string&)
         { return runMailQueue(database, clock, jobs, progress); }}};
}

const std::vector<std::string>& jobNames()
{
    static const std::vector<std::string> names{"delay-scan", "weekly-digest",
                                                "statutory-reminders", "land-alerts", "mail-queue"};
    return names;
}

std::string jobNamesText()
{
    const auto& names = jobNames();
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i)
        text += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return text;
}

} // namespace tracker::net
