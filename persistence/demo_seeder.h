#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"
#include "tracker/date.h"

#include <cstdint>
#include <functional>
#include <string>

namespace tracker::persistence
{

struct SeedOutcome
{
    bool seeded = false; // false: the database already held data, and nothing was touched
    int clusters = 0;
    int workItems = 0;
    int reports = 0;
    int tenants = 0;
};

struct SeedOptions
{
    std::string seedDirectory; // holds clusters.csv and reported-totals.csv
    Date asOf;                 // the illustrative schedule is laid out around this date
    std::uint32_t randomSeed = 20221;
    std::function<void(const std::string&)> progress; // one line per step; may be empty
};

// Loads the registry seed and generates the illustrative schedule, reports and tenants,
// all in one transaction, but only into a database that has never been seeded and holds
// no cluster. Returns what it wrote.
SeedOutcome seedDemoData(Database& database, const SeedOptions& options);

// A database seeded before the 2025 units existed: each cluster still unmapped whose code
// the seed file places gets that placement, audited. Returns how many were placed.
int placeUnmappedFromSeed(Database& database, const std::string& seedDirectory,
                          const AuditContext& context);

} // namespace tracker::persistence
