#include "net/jobs/jobs.h"

#include "persistence/cluster_repository.h"
#include "persistence/job_repository.h"
#include "persistence/statutory_repository.h"
#include "tracker/statutory_figures.h"

#include <Poco/Logger.h>
#include <map>

namespace tracker::net
{
namespace
{
constexpr int kForecastReports = 6; // the forecast looks at the last 6 reports

// Each cluster's Biểu 02 state per period, for the periods from `first` to `asOf`.
std::map<std::string, std::map<std::string, FilingState>>
filedBieu02(persistence::Database& database, const ReportPeriod& first, const Date& asOf)
{
    std::map<std::string, std::map<std::string, FilingState>> states;
    persistence::StatutoryRepository repository(database);
    for (ReportPeriod period = first; period.firstDay() <= asOf; period = period.next())
        for (const auto& report : repository.listFor(StatutoryForm::Developer02, period))
            states[report.unitKey][period.code()] = report.state;
    return states;
}
} // namespace

ScanOutcome runDelayScan(persistence::Database& database, const Date& asOf,
                         const DelayThresholds& thresholds, const Progress& progress)
{
    const auto details =
        persistence::ClusterRepository(database).listForScan(asOf, kForecastReports);
    std::map<std::int64_t, std::vector<DelayFinding>> findings;
    const auto first = ReportPeriod::parse(thresholds.firstStatutoryPeriod);
    const auto filed = first ? filedBieu02(database, *first, asOf)
                             : std::map<std::string, std::map<std::string, FilingState>>{};
    std::size_t done = 0;
    for (const auto& detail : details)
    {
        auto& found = findings[detail.summary.cluster.id];
        found = evaluateDelayRules(detail, asOf, thresholds);
        if (first)
        {
            const auto states = filed.find(detail.summary.cluster.code);
            const auto overdue = statutoryOverdueFindings(
                states == filed.end() ? std::map<std::string, FilingState>{} : states->second, asOf,
                *first);
            found.insert(found.end(), overdue.begin(), overdue.end());
        }
        if (progress && (++done % 100 == 0 || done == details.size()))
            progress("delay scan: " + std::to_string(done) + "/" + std::to_string(details.size()) +
                     " clusters evaluated");
    }
    const auto outcome = persistence::DelayFlagRepository(database).applyScan(findings, asOf);
    if (progress)
        progress("delay scan " + asOf.iso() + ": " + scanSummary(outcome));
    return outcome;
}

std::string scanSummary(const ScanOutcome& outcome)
{
    return std::to_string(outcome.raised) + " raised, " + std::to_string(outcome.stillOpen) +
           " still open, " + std::to_string(outcome.resolved) + " resolved";
}

JobResult runClaimed(persistence::Database& database, const Clock& clock, const std::string& job,
                     const std::string& slot, const std::string& instance, int leaseSeconds,
                     const std::function<std::string()>& work)
{
    persistence::JobRepository jobs(database);
    JobResult result;
    if (!jobs.claim(job, slot, instance, clock.unixSeconds(), leaseSeconds))
        return result;
    result.ran = true;
    const auto run = jobs.recordStart(job, slot, instance, clock.nowRfc3339());
    try
    {
        result.detail = work();
        jobs.recordEnd(run, clock.nowRfc3339(), "ok", result.detail);
        jobs.finish(job, slot, instance);
    }
    catch (const std::exception& error)
    {
        result.failed = true;
        result.detail = error.what();
        jobs.recordEnd(run, clock.nowRfc3339(), "failed", result.detail);
    }
    return result;
}

Scheduler::Scheduler(persistence::Database& database, const Clock& clock, std::string instance,
                     int leaseSeconds, int checkSeconds, std::vector<ScheduledJob> jobs,
                     std::function<void()> afterRun)
    : _database(database), _clock(clock), _instance(std::move(instance)),
      _leaseSeconds(leaseSeconds), _checkSeconds(checkSeconds), _jobs(std::move(jobs)),
      _afterRun(std::move(afterRun)),
      _thread(std::chrono::seconds(checkSeconds), [this] { runDueJobs(); })
{
}

Scheduler::~Scheduler()
{
    stop();
}

void Scheduler::start()
{
    _thread.start();
}

void Scheduler::stop()
{
    _thread.stop();
}

void Scheduler::runDueJobs()
{
    auto& logger = Poco::Logger::get("tracker.jobs");
    runJobsInOrder(logger);
    // A job another instance or the command line ran changed data behind this instance's
    // page cache: notice it within one look at the clock.
    try
    {
        const auto latest = persistence::JobRepository(_database).latestFinishedRunId();
        if (latest != _lastSeenRun && _lastSeenRun != -1 && _afterRun)
            _afterRun();
        _lastSeenRun = latest;
    }
    catch (const std::exception& error)
    {
        logger.warning("job runs: %s", std::string(error.what()));
    }
}

void Scheduler::runJobsInOrder(Poco::Logger& logger)
{
    for (const auto& job : _jobs)
    {
        try
        {
            const std::string slot = job.dueSlot(_clock.nowInHanoi());
            if (persistence::JobRepository(_database).lastFinishedSlot(job.name) >= slot)
                continue;
            const auto result = runClaimed(_database, _clock, job.name, slot, _instance,
                                           _leaseSeconds, [&] { return job.work(slot); });
            // Jobs run in order: while an earlier one is due and another instance runs it,
            // the later ones wait (the digest reports what today's scan found).
            if (!result.ran)
                return;
            if (result.failed)
                logger.error("%s for %s failed: %s", job.name, slot, result.detail);
            else
                logger.information("%s for %s: %s", job.name, slot, result.detail);
            if (_afterRun)
                _afterRun();
            if (result.failed)
                return;
        }
        catch (const std::exception& error) // e.g. the database is down: try again later
        {
            logger.warning("%s: %s", job.name, std::string(error.what()));
        }
    }
}

} // namespace tracker::net
