#pragma once

#include "net/jobs/job_settings.h"
#include "net/jobs/periodic_thread.h"
#include "persistence/database.h"
#include "persistence/delay_flag_repository.h"
#include "tracker/clock.h"
#include "tracker/schedule_slots.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace Poco
{
class Logger;
}

namespace tracker::net
{

using Progress = std::function<void(const std::string&)>;

// The daily delay scan: every cluster's records through the delay rules, flags raised,
// kept or resolved in one transaction.
ScanOutcome runDelayScan(persistence::Database& database, const Date& asOf,
                         const DelayThresholds& thresholds, const Progress& progress);
// "2 raised, 5 still open, 1 resolved": what a scan's run record and the command line say.
std::string scanSummary(const ScanOutcome& outcome);

struct JobResult
{
    bool ran = false;    // false: another instance holds or finished the slot
    bool failed = false; // the work threw; the slot stays open for a later try
    std::string detail;
};

// Runs `work` for `slot` when this instance wins the slot's claim; records the run (start,
// end, outcome, what the work reported) and marks the slot done on success.
JobResult runClaimed(persistence::Database& database, const Clock& clock, const std::string& job,
                     const std::string& slot, const std::string& instance, int leaseSeconds,
                     const std::function<std::string()>& work);

struct ScheduledJob
{
    std::string name;
    std::function<std::string(const HanoiTime&)> dueSlot;
    std::function<std::string(const std::string& slot)> work; // returns a summary
};

// Looks at the clock every few seconds and runs each job that is due, in this thread, in
// the order given: a job waits while an earlier one is due and unfinished.
class Scheduler
{
public:
    Scheduler(persistence::Database& database, const Clock& clock, std::string instance,
              int leaseSeconds, int checkSeconds, std::vector<ScheduledJob> jobs,
              std::function<void()> afterRun);
    ~Scheduler();
    void start();
    void stop();
    void runDueJobs(); // one look at the clock; exposed for tests

private:
    void runJobsInOrder(Poco::Logger& logger);

    persistence::Database& _database;
    const Clock& _clock;
    std::string _instance;
    int _leaseSeconds;
    int _checkSeconds;
    std::vector<ScheduledJob> _jobs;
    std::function<void()> _afterRun;
    std::int64_t _lastSeenRun = -1; // the newest finished run this instance knows of
    PeriodicThread _thread;         // last: it stops before the members it reads go
};

} // namespace tracker::net
