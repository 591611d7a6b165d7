// The backend differences of copying a whole database: listing tables and columns, reading
// one snapshot, loading with foreign keys deferred, and SQLite's online backup API.
#include "persistence/dialect.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <stdexcept>

namespace tracker::persistence::dialect
{
using namespace sqlite_api; // where SOCI's header puts SQLite's C API
namespace
{
constexpr const char* kSqliteTables = "SELECT name FROM sqlite_master WHERE type = 'table' "
                                      "AND name NOT LIKE 'sqlite_%' ORDER BY name";
constexpr const char* kMysqlTables =
    "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
    "AND table_type = 'BASE TABLE' ORDER BY table_name";
constexpr const char* kMysqlColumns =
    "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
    "AND table_name = :t ORDER BY ordinal_position";

bool isMysql(soci::session& session)
{
    return session.get_backend_name() == "mysql";
}

// Table and column names cannot be bound as parameters; ours are plain lower-case words,
// and anything else is refused rather than quoted.
const std::string& checkedIdentifier(const std::string& name)
{
    if (name.empty() || name.size() > 64)
        throw std::runtime_error("unexpected table or column name in the schema: " + name);
    for (const char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            throw std::runtime_error("unexpected table or column name in the schema: " + name);
    return name;
}

std::vector<std::string> names(soci::session& session, const std::string& query)
{
    std::vector<std::string> found;
    soci::rowset<std::string> rows = session.prepare << query;
    for (const auto& name : rows)
        found.push_back(checkedIdentifier(name));
    return found;
}

sqlite3* sqliteHandle(soci::session& session)
{
    if (isMysql(session))
        throw std::logic_error("copySqliteFile needs a SQLite session");
    return static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
}
} // namespace

std::vector<std::string> tableNames(soci::session& session)
{
    return names(session, isMysql(session) ? kMysqlTables : kSqliteTables);
}

std::vector<std::string> columnNames(soci::session& session, const std::string& table)
{
    std::vector<std::string> found;
    if (isMysql(session))
    {
        std::string name;
        soci::statement query =
            (session.prepare << kMysqlColumns, soci::use(table), soci::into(name));
        query.execute();
        while (query.fetch())
            found.push_back(checkedIdentifier(name));
        return found;
    }
    soci::rowset<soci::row> rows = session.prepare
                                   << "PRAGMA table_info(" + checkedIdentifier(table) + ")";
    for (const auto& row : rows)
        found.push_back(checkedIdentifier(row.get<std::string>(1)));
    return found;
}

std::string columnAsText(const std::string& column)
{
    // Both backends accept CAST(x AS CHAR); MariaDB gives its DATE as YYYY-MM-DD.
    return "CAST(" + checkedIdentifier(column) + " AS CHAR)";
}

void beginSnapshot(soci::session& session)
{
    if (isMysql(session))
    {
        session << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
        session << "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY";
        return;
    }
    session << "BEGIN"; // WAL: the first read fixes the snapshot
    int tables = 0;
    session << "SELECT COUNT(*) FROM sqlite_master", soci::into(tables);
}

void withForeignKeysDeferred(soci::session& session, const std::function<void()>& load)
{
    if (!isMysql(session))
    {
        session << "PRAGMA defer_foreign_keys = ON"; // checked at COMMIT
        load();
        return;
    }
    session << "SET SESSION foreign_key_checks = 0";
    try
    {
        load();
    }
    catch (...)
    {
        session << "SET SESSION foreign_key_checks = 1";
        throw;
    }
    session << "SET SESSION foreign_key_checks = 1";
}

int copySqliteFile(soci::session& session, const std::string& target)
{
    sqlite3* source = sqliteHandle(session);
    sqlite3* destination = nullptr;
    if (sqlite3_open_v2(target.c_str(), &destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK)
    {
        const std::string message = sqlite3_errmsg(destination);
        sqlite3_close(destination);
        throw std::runtime_error("cannot create " + target + ": " + message);
    }
    sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main");
    int result = SQLITE_ERROR;
    int pages = 0;
    if (backup != nullptr)
    {
        do
        {
            result = sqlite3_backup_step(backup, -1);
            if (result == SQLITE_BUSY || result == SQLITE_LOCKED)
                sqlite3_sleep(50);
        } while (result == SQLITE_BUSY || result == SQLITE_LOCKED || result == SQLITE_OK);
        pages = sqlite3_backup_pagecount(backup);
        sqlite3_backup_finish(backup);
    }
    const std::string message = sqlite3_errmsg(destination);
    sqlite3_close(destination);
    if (result != SQLITE_DONE)
        throw std::runtime_error("SQLite backup to " + target + " failed: " + message);
    return pages;
}

} // namespace tracker::persistence::dialect
