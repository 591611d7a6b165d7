#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"
#include "tracker/model.h"

#include <functional>
#include <string>
#include <vector>

namespace tracker::persistence
{

// Writes a checked CSV import: every record in one transaction, each with its audit entry —
// all or nothing.
class ImportWriter
{
public:
    explicit ImportWriter(Database& database) : _database(database) {}

    // `progress` hears how many records are written so far. A background import's record
    // (`importJobId`, when not empty) is marked written in the same transaction, so that its
    // page can tell, should the instance die before the outcome is recorded.
    void importRecords(const std::vector<Tenant>& tenants,
                       const std::vector<ProgressReport>& reports, const AuditContext& context,
                       const std::function<void(std::size_t)>& progress,
                       const std::string& importJobId = "");

private:
    Database& _database;
};

} // namespace tracker::persistence
