// The one-shot commands of the `tracker` program: --run-job, --subscribe, --acknowledge and
// the account commands. Each opens the database, does one thing and exits.
#include "net/app/job_list.h"
#include "net/app/tracker_app.h"
#include "net/app/tracker_server.h"
#include "net/jobs/unsubscribe_tokens.h"
#include "net/operations/known_scopes.h"
#include "net/views/admin_units_file.h"
#include "persistence/backup.h"
#include "persistence/cluster_repository.h"
#include "persistence/cluster_summaries.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/mail_repository.h"
#include "tracker/email_address.h"

#include <algorithm>
#include <chrono>
#include <iostream>

namespace tracker::net
{
namespace
{
std::unique_ptr<Clock> commandClock(const std::string& now)
{
    if (now.empty())
        return std::make_unique<SystemClock>();
    const auto instant = parseInstant(now);
    if (!instant)
        throw StartupError("--now must be a time with its offset, like "
                           "2026-11-30T08:00:00+07:00, not '" +
                           now + "'");
    return std::make_unique<FixedClock>(*instant);
}

void toStderr(const std::string& line)
{
    std::cerr << line << std::endl;
}

} // namespace

int TrackerApp::runJob(const ServerSettings& settings)
{
    const auto& names = jobNames();
    const auto known = std::find(names.begin(), names.end(), _runJob);
    if (known == names.end())
        throw StartupError("--run-job must be " + jobNamesText() + ", not '" + _runJob + "'");
    const auto clock = commandClock(_now);
    const auto templates =
        std::make_shared<const DigestTemplates>(settings.mailTemplateDirectory); // before any data
    const auto database = prepareDatabase(settings, *clock);
    const auto jobs = scheduledJobs(*database, *clock, settings, templates, toStderr);
    const auto job = jobs.begin() + (known - names.begin());
    const std::string slot = clock->nowInHanoi().slot();
    const auto work = [&] { return job->work(slot); };
    const auto result = runClaimed(*database, *clock, _runJob, slot, instanceName(),
                                   settings.jobs.leaseSeconds, work);
    if (!result.ran)
    {
        std::cerr << _runJob << " for " << slot << " already ran or is running elsewhere"
                  << std::endl;
        return EXIT_OK;
    }
    std::cerr << _runJob << " for " << slot << ": " << result.detail << std::endl;
    return result.failed ? EXIT_SOFTWARE : EXIT_OK;
}

int TrackerApp::subscribe(const ServerSettings& settings)
{
    const auto email = normalisedEmail(_subscribe);
    if (!email)
        throw StartupError("--subscribe needs an email address, not '" + _subscribe + "'");
    if (!acceptableDisplayName(_name))
        throw StartupError("--name must be a name without control characters (at most 200)");
    if (_language != "vi" && _language != "en")
        throw StartupError("--lang must be vi or en, not '" + _language + "'");
    const auto scope = parseDigestScope(_scope);
    if (!scope)
        throw StartupError(
            "--scope must be all, commune:CODE, district:NAME or cluster:CODE, not '" + _scope +
            "'");
    Subscription wanted;
    wanted.email = *email;
    wanted.name = _name;
    wanted.language = _language;
    wanted.scopeKind = scope->kind;
    wanted.scopeValue = scope->value;
    const auto clock = commandClock(_now);
    const auto database = prepareDatabase(settings, *clock);
    if (!KnownScopes(*database, adminUnits()).contains(*scope))
        throw StartupError(
            "no cluster is in " + _scope +
            (scope->kind == "district"  ? " (use the former district's Vietnamese name, e.g. "
                                          "district:Thạch Thất)"
             : scope->kind == "commune" ? " (use the unit's statistics code, e.g. commune:10369)"
                                        : " (use the code from the cluster's page, e.g. "
                                          "cluster:huu-bang)"));
    // The signer reads its key now: inside subscribe()'s transaction another session could
    // not write it (SQLite has one writer).
    const auto signer = unsubscribeSigner(*database, settings.jobs);
    const auto subscription =
        persistence::MailRepository(*database).subscribe(wanted, clock->todayInHanoi(), signer);
    std::cout << "subscribed " << subscription.email << " to " << _scope << " in "
              << subscription.language << " (subscription " << subscription.id << ")" << std::endl;
    return EXIT_OK;
}

int TrackerApp::acknowledge(const ServerSettings& settings)
{
    std::int64_t id = 0;
    try
    {
        id = std::stoll(_acknowledge);
    }
    catch (const std::exception&)
    {
        throw StartupError("--acknowledge needs a flag id (a number), not '" + _acknowledge + "'");
    }
    if (_by.empty() || _comment.empty())
        throw StartupError("--acknowledge needs --by=NAME and --comment=TEXT");
    const auto clock = commandClock(_now);
    ServerSettings quiet = settings;
    quiet.seedMode = "none";
    const auto database = prepareDatabase(quiet, *clock);
    const persistence::AuditContext audit{"cli:" + _by, "command line", clock->nowRfc3339()};
    if (persistence::DelayFlagRepository(*database).acknowledge(
            id, _by, _comment, clock->todayInHanoi(), audit) != persistence::Acknowledgement::Done)
        throw StartupError("no open delay flag has the id " + _acknowledge);
    std::cout << "acknowledged flag " << id << " by " << _by << std::endl;
    return EXIT_OK;
}

int TrackerApp::copyCommand(const ServerSettings& settings)
{
    if (!_backup.empty() && !_restore.empty())
        throw StartupError("--backup and --restore cannot be given together");
    ServerSettings quiet = settings;
    quiet.seedMode = "none"; // a restore needs an empty database; a backup copies what is there
    const SystemClock clock;
    const auto database = prepareDatabase(quiet, clock);
    const auto started = std::chrono::steady_clock::now();
    try
    {
        const auto outcome = _backup.empty()
                                 ? persistence::restoreDatabase(_restore, *database, toStderr)
                                 : persistence::backupDatabase(*database, _backup, toStderr);
        const auto seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cout << (_backup.empty() ? "restored " : "backed up ") << outcome.rows << " rows in "
                  << outcome.tables << " tables "
                  << (_backup.empty() ? "from " + _restore + " into " + database->description()
                                      : "of " + database->description() + " to " + _backup)
                  << " in " << static_cast<int>(seconds * 1000) << " ms" << std::endl;
    }
    catch (const persistence::BackupError& error)
    {
        throw StartupError(error.what());
    }
    return EXIT_OK;
}

int TrackerApp::rebuildSummariesCommand(const ServerSettings& settings)
{
    ServerSettings quiet = settings;
    quiet.seedMode = "none";
    const SystemClock clock;
    const auto database = prepareDatabase(quiet, clock, false);
    const auto rebuilt = persistence::rebuildSummaries(*database);
    std::cout << "rebuilt the stored figures of " << rebuilt.rows << " clusters; "
              << rebuilt.differed << " were wrong or missing" << std::endl;
    return EXIT_OK;
}

int TrackerApp::accountCommand(const ServerSettings& settings)
{
    const auto clock = commandClock(_now);
    const auto database = prepareDatabase(settings, *clock);
    return _accounts.run(*database, *clock, std::cin, std::cout, std::cerr);
}

} // namespace tracker::net
