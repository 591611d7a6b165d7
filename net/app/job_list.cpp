#include "net/app/job_list.h"

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
         { return runStatutoryReminders(database, clock, jobs, adminUnits(), progress); }}};
}

const std::vector<std::string>& jobNames()
{
    static const std::vector<std::string> names{"delay-scan", "weekly-digest",
                                                "statutory-reminders"};
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
