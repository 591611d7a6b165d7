#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"
#include "persistence/request_keys.h"
#include "tracker/model.h"

#include <optional>
#include <vector>

namespace tracker::persistence
{

// Progress reports: append-only; a report moves each reported item to its new figure and
// commits with its audit entry.
class ReportRepository
{
public:
    explicit ReportRepository(Database& database) : _database(database) {}

    // What the newest report said was disbursed to date: a report form starts from it.
    std::optional<Vnd> latestDisbursed(std::int64_t clusterId);
    // What a new report dated `date` is checked against (tracker/plausibility.h): every
    // report after that date, and before it only the latest one and, for each of `items`,
    // the latest that names it. Those give the same doubts as the whole history, without
    // reading a national cluster's 833 reports on every write.
    std::vector<ProgressReport> reportsAround(std::int64_t clusterId, const Date& date,
                                              const std::vector<std::int64_t>& items);
    // With a key that was used before, throws RepeatedRequest and writes nothing.
    std::int64_t submitReport(const ProgressReport& report, const AuditContext& context,
                              const std::optional<RequestKey>& key = std::nullopt);

private:
    Database& _database;
};

} // namespace tracker::persistence
