#include "persistence/migrations.h"

#include <soci/soci.h>
#include <sstream>

namespace tracker::persistence
{
namespace
{
constexpr const char* kCurrentVersion = "SELECT MAX(version) FROM schema_version";
constexpr const char* kInsertSchemaVersion =
    "INSERT INTO schema_version (version, file, applied_at) VALUES (:v, :f, CURRENT_TIMESTAMP)";

const std::vector<Migration>& migrationsFor(Backend backend)
{
    return backend == Backend::Sqlite ? embeddedMigrations_sqlite() : embeddedMigrations_mysql();
}

int currentVersion(soci::session& session)
{
    session << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, "
               "file VARCHAR(200) NOT NULL, applied_at VARCHAR(32) NOT NULL)";
    int version = 0;
    soci::indicator ind = soci::i_null;
    session << kCurrentVersion, soci::into(version, ind);
    return ind == soci::i_ok ? version : 0;
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return "";
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}
} // namespace

std::vector<std::string> splitStatements(const std::string& sql)
{
    std::vector<std::string> statements;
    std::istringstream lines(sql);
    std::string line;
    std::string current;
    while (std::getline(lines, line))
    {
        if (trimmed(line).rfind("--", 0) == 0)
            continue;
        current += line + "\n";
        if (!trimmed(line).empty() && trimmed(line).back() == ';')
        {
            const std::string statement = trimmed(current);
            statements.push_back(statement.substr(0, statement.size() - 1));
            current.clear();
        }
    }
    if (!trimmed(current).empty())
        statements.push_back(trimmed(current));
    return statements;
}

int schemaVersion(Database& database)
{
    int version = 0;
    database.withSession([&](soci::session& session) { version = currentVersion(session); });
    return version;
}

int latestSchemaVersion(Backend backend)
{
    const auto& migrations = migrationsFor(backend);
    return migrations.empty() ? 0 : migrations.back().version;
}

int migrate(Database& database)
{
    int applied = 0;
    database.withSession(
        [&](soci::session& session)
        {
            applied = 0;
            const int current = currentVersion(session);
            for (const auto& migration : migrationsFor(database.backend()))
            {
                if (migration.version <= current)
                    continue;
                // MySQL commits DDL implicitly, so a transaction only helps SQLite; the files use
                // IF NOT EXISTS so that a migration cut short can run again.
                soci::transaction transaction(session);
                for (const auto& statement : splitStatements(migration.sql))
                    session << statement;
                const std::string file = migration.file;
                session << kInsertSchemaVersion, soci::use(migration.version), soci::use(file);
                transaction.commit();
                ++applied;
            }
        });
    return applied;
}

} // namespace tracker::persistence
