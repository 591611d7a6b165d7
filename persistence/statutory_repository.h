#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"
#include "persistence/save_result.h"
#include "tracker/statutory_report.h"

#include <optional>
#include <string>
#include <vector>

namespace tracker::persistence
{

// The filed statutory forms. Every change commits with its audit entry or not at all, and
// saves over a version: a second reviewer or a stale form never overwrites silently.
class StatutoryRepository
{
public:
    explicit StatutoryRepository(Database& database) : _database(database) {}

    std::optional<StatutoryReport> find(StatutoryForm form, const std::string& unitKey,
                                        const ReportPeriod& period);
    // Creates the draft, or returns the one another person created first.
    StatutoryReport createDraft(const StatutoryReport& draft, const AuditContext& context);
    // Values, state, comment and who filed or reviewed, if the stored version is still
    // `expectedVersion`.
    SaveResult<StatutoryReport> save(const StatutoryReport& next, int expectedVersion,
                                     const std::string& action, const AuditContext& context);
    // Every report of that form and period (for the summaries and the filing overview).
    std::vector<StatutoryReport> listFor(StatutoryForm form, const ReportPeriod& period);

private:
    Database& _database;
};

} // namespace tracker::persistence
