#include "net/operations/import_jobs.h"

#include "net/access/credentials.h"
#include "persistence/import_job_repository.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <sstream>

namespace tracker::net
{
namespace
{
constexpr std::size_t kKeptJobs = 20;
// The recorded outcome keeps the first errors, as many as the page shows, and their total.
constexpr std::size_t kRecordedErrors = 500;
// A running import records its progress about once a second; one silent for this long has
// lost its instance.
constexpr long long kInterruptedAfterSeconds = 120;
constexpr auto kRecordEvery = std::chrono::seconds(1);
constexpr long long kForgetAfterSeconds = 30LL * 24 * 3600; // an import's page lasts 30 days

std::string outcomeJson(const ImportOutcome& outcome)
{
    Poco::JSON::Object json;
    json.set("rows", static_cast<Poco::UInt64>(outcome.rows));
    json.set("records", static_cast<Poco::UInt64>(outcome.records));
    json.set("written", outcome.written);
    json.set("error_total", static_cast<Poco::UInt64>(outcome.errors.size()));
    Poco::JSON::Array errors;
    for (std::size_t i = 0; i < outcome.errors.size() && i < kRecordedErrors; ++i)
    {
        Poco::JSON::Object error;
        error.set("row", static_cast<Poco::UInt64>(outcome.errors[i].row));
        error.set("column", outcome.errors[i].column);
        error.set("vi", outcome.errors[i].vi);
        error.set("en", outcome.errors[i].en);
        errors.add(error);
    }
    json.set("errors", errors);
    std::ostringstream text;
    json.stringify(text);
    return text.str();
}

void readOutcome(const std::string& text, ImportProgress& progress)
{
    const auto json = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
    progress.outcome.rows = json->getValue<std::size_t>("rows");
    progress.outcome.records = json->getValue<std::size_t>("records");
    progress.outcome.written = json->getValue<bool>("written");
    progress.errorTotal = json->getValue<std::size_t>("error_total");
    const auto errors = json->getArray("errors");
    for (std::size_t i = 0; errors && i < errors->size(); ++i)
    {
        const auto error = errors->getObject(static_cast<unsigned>(i));
        progress.outcome.errors.push_back(
            {error->getValue<std::size_t>("row"), error->getValue<std::string>("column"),
             error->getValue<std::string>("vi"), error->getValue<std::string>("en")});
    }
}

std::string kindCode(ImportKind kind)
{
    return kind == ImportKind::Tenants ? "tenants" : "reports";
}
} // namespace

ImportJobs::~ImportJobs()
{
    for (auto& [id, job] : _jobs)
        if (job->thread.joinable())
            job->thread.join();
}

std::string ImportJobs::start(ImportRequest request,
                              std::function<void(const ImportOutcome&)> finished)
{
    const std::string id = newSecret().substr(0, 24);
    const long long now = _clock.unixSeconds();
    persistence::ImportJobRepository(_database).start(
        {id, request.audit.actor, kindCode(request.kind), request.dryRun, "running", "", 0, 0, "",
         _clock.nowRfc3339(), now},
        now - kForgetAfterSeconds);
    std::lock_guard lock(_mutex);
    // Pages of finished imports are kept for a while; the oldest go when there are many
    // (their record stays in the database).
    for (auto it = _jobs.begin(); _jobs.size() >= kKeptJobs && it != _jobs.end();)
        if (it->second->progress.finished)
        {
            it->second->thread.join();
            it = _jobs.erase(it);
        }
        else
            ++it;
    request.jobId = id;
    auto& job = _jobs[id];
    job = std::make_unique<Job>();
    job->progress.owner = request.audit.actor;
    Job* running = job.get();
    request.progress =
        [this, id, running](const std::string& phase, std::size_t done, std::size_t total)
    {
        {
            std::lock_guard progressLock(_mutex);
            const bool due = phase != running->progress.phase ||
                             std::chrono::steady_clock::now() - running->recorded >= kRecordEvery;
            running->progress.phase = phase;
            running->progress.done = done;
            running->progress.total = total;
            if (!due)
                return;
        }
        record(id, *running);
    };
    running->thread = std::thread([this, id, running, request = std::move(request), finished]
                                  { run(id, *running, request, finished); });
    return id;
}

void ImportJobs::record(const std::string& id, Job& job)
{
    ImportProgress now;
    {
        std::lock_guard lock(_mutex);
        now = job.progress;
        job.recorded = std::chrono::steady_clock::now();
    }
    // SQLite has one writer: while the import's transaction writes, an update from another
    // connection would wait for it. The page on this instance follows the memory meanwhile.
    if (now.phase == "written" && _database.hasSingleWriter())
        return;
    try
    {
        persistence::ImportJobRepository(_database).progress(
            id, now.phase, static_cast<long long>(now.done), static_cast<long long>(now.total),
            _clock.unixSeconds());
    }
    catch (const std::exception& error)
    {
        Poco::Logger::get("tracker").warning("import %s: progress not recorded: %s", id,
                                             std::string(error.what()));
    }
}

void ImportJobs::run(const std::string& id, Job& job, const ImportRequest& request,
                     const std::function<void(const ImportOutcome&)>& finished)
{
    ImportOutcome outcome;
    std::string state = "finished";
    try
    {
        outcome = importCsv(_database, request);
    }
    catch (const std::exception& error)
    {
        Poco::Logger::get("tracker").error("import failed: %s", std::string(error.what()));
        outcome.errors.push_back(
            {0, "", "Lỗi máy chủ; không có gì được ghi.", "A server error; nothing was written."});
        state = "failed";
    }
    finished(outcome);
    try
    {
        persistence::ImportJobRepository(_database).finish(id, state, outcomeJson(outcome),
                                                           _clock.unixSeconds());
    }
    catch (const std::exception& error)
    {
        Poco::Logger::get("tracker").error("import %s: outcome not recorded: %s", id,
                                           std::string(error.what()));
    }
    std::lock_guard doneLock(_mutex);
    job.progress.errorTotal = outcome.errors.size();
    job.progress.outcome = std::move(outcome);
    job.progress.finished = true;
}

std::optional<ImportProgress> ImportJobs::progress(const std::string& id) const
{
    {
        std::lock_guard lock(_mutex);
        const auto found = _jobs.find(id);
        if (found != _jobs.end())
            return found->second->progress;
    }
    return recorded(id);
}

std::optional<ImportProgress> ImportJobs::recorded(const std::string& id) const
{
    const auto row = persistence::ImportJobRepository(_database).find(id);
    if (!row)
        return std::nullopt;
    ImportProgress progress;
    progress.owner = row->owner;
    progress.phase = row->phase;
    progress.done = static_cast<std::size_t>(row->done);
    progress.total = static_cast<std::size_t>(row->total);
    // "written": the rows are in, the outcome not recorded yet (or never, if the instance
    // died in between).
    if (row->state == "running" || row->state == "written")
    {
        progress.interrupted = _clock.unixSeconds() - row->heartbeatAt > kInterruptedAfterSeconds;
        progress.interruptedAfterWriting = row->state == "written";
    }
    else
    {
        progress.finished = true;
        readOutcome(row->outcome, progress);
    }
    return progress;
}

} // namespace tracker::net
