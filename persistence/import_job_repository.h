#pragma once

#include "persistence/database.h"

#include <optional>
#include <string>

namespace tracker::persistence
{

// A background import as recorded (see migration 0004).
struct ImportJobRow
{
    std::string id;
    std::string owner;
    std::string kind;
    bool dryRun = true;
    std::string state; // running | finished | failed
    std::string phase;
    long long done = 0;
    long long total = 0;
    std::string outcome; // JSON, once finished
    std::string startedAt;
    long long heartbeatAt = 0;
};

// The record of background imports. Its writes are small autocommit statements, so they
// never wait on the import's own transaction (the row is not part of it).
class ImportJobRepository
{
public:
    explicit ImportJobRepository(Database& database) : _database(database) {}

    // Records a new job, and forgets jobs silent since `forgetBeforeUnix` (their pages go).
    void start(const ImportJobRow& job, long long forgetBeforeUnix);
    void progress(const std::string& id, const std::string& phase, long long done, long long total,
                  long long nowUnix);
    void finish(const std::string& id, const std::string& state, const std::string& outcome,
                long long nowUnix);
    std::optional<ImportJobRow> find(const std::string& id);

private:
    Database& _database;
};

} // namespace tracker::persistence
