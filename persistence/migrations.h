#pragma once

#include "persistence/database.h"

#include <string>
#include <vector>

namespace tracker::persistence
{

struct Migration
{
    int version;
    std::string file;
    std::string sql; // statements separated by ";" at the end of a line
};

const std::vector<Migration>& embeddedMigrations_sqlite();
const std::vector<Migration>& embeddedMigrations_mysql();

// Brings the schema to the newest version; returns how many migrations ran.
int migrate(Database& database);
int schemaVersion(Database& database);
// The newest version this program's migrations reach.
int latestSchemaVersion(Backend backend);

// One SQL file → its statements (SOCI's MySQL session takes one statement per call).
std::vector<std::string> splitStatements(const std::string& sql);

} // namespace tracker::persistence
