#include "net/import_jobs.h"

#include "net/credentials.h"

#include <Poco/Logger.h>

namespace tracker::net
{
namespace
{
constexpr std::size_t kKeptJobs = 20;
}

ImportJobs::~ImportJobs()
{
    for (auto& [id, job] : _jobs)
        if (job->thread.joinable())
            job->thread.join();
}

std::string ImportJobs::start(persistence::Database& database, ImportRequest request,
                              std::function<void(const ImportOutcome&)> finished)
{
    const std::string id = newSecret().substr(0, 24);
    std::lock_guard lock(_mutex);
    // Pages of finished imports are kept for a while; the oldest go when there are many.
    for (auto it = _jobs.begin(); _jobs.size() >= kKeptJobs && it != _jobs.end();)
        if (it->second->progress.finished)
        {
            it->second->thread.join();
            it = _jobs.erase(it);
        }
        else
            ++it;
    auto& job = _jobs[id];
    job = std::make_unique<Job>();
    job->progress.owner = request.audit.actor;
    Job* running = job.get();
    request.progress =
        [this, running](const std::string& phase, std::size_t done, std::size_t total)
    {
        std::lock_guard progressLock(_mutex);
        running->progress.phase = phase;
        running->progress.done = done;
        running->progress.total = total;
    };
    running->thread = std::thread(
        [this, running, &database, request = std::move(request), finished]
        {
            ImportOutcome outcome;
            try
            {
                outcome = importCsv(database, request);
            }
            catch (const std::exception& error)
            {
                Poco::Logger::get("tracker").error("import failed: %s", std::string(error.what()));
                outcome.errors.push_back({0, "", "Lỗi máy chủ; không có gì được ghi.",
                                          "A server error; nothing was written."});
            }
            finished(outcome);
            std::lock_guard doneLock(_mutex);
            running->progress.outcome = std::move(outcome);
            running->progress.finished = true;
        });
    return id;
}

std::optional<ImportProgress> ImportJobs::progress(const std::string& id) const
{
    std::lock_guard lock(_mutex);
    const auto found = _jobs.find(id);
    if (found == _jobs.end())
        return std::nullopt;
    return found->second->progress;
}

} // namespace tracker::net
