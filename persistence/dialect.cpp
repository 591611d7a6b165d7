#include "persistence/dialect.h"

#include <exception>
#include <filesystem>
#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace tracker::persistence::dialect
{
namespace
{
constexpr unsigned kMysqlDuplicateEntry = 1062; // ER_DUP_ENTRY
constexpr unsigned kMysqlDeadlock = 1213;       // ER_LOCK_DEADLOCK, also Galera's conflict
constexpr int kSqliteConstraint = 19;           // SQLITE_CONSTRAINT
constexpr int kSqliteFull = 13;                 // SQLITE_FULL: the disk (or quota) is full
constexpr int kSqliteIoError = 10;              // SQLITE_IOERR: a write failed (often ENOSPC)
constexpr unsigned kMysqlRecordFileFull = 1114; // ER_RECORD_FILE_FULL: "The table is full"
constexpr unsigned kMysqlDiskFull = 1021;       // ER_DISK_FULL

void applySqliteSettings(soci::session& session)
{
    // WAL lets readers go on while a writer commits; the busy timeout makes a second writer
    // wait instead of failing at once; foreign keys are off by default in SQLite.
    std::string mode;
    session << "PRAGMA journal_mode=WAL", soci::into(mode);
    session << "PRAGMA busy_timeout=5000";
    session << "PRAGMA foreign_keys=ON";
    session << "PRAGMA synchronous=NORMAL";
    // Reads through a memory map and a larger page cache: the aggregates read every
    // cluster's rows, which through SQLite's default 2 MB cache meant a pread per page on
    // every render (a third of a national-scale list page's time, by perf).
    session << "PRAGMA mmap_size=268435456";
    session << "PRAGMA cache_size=-16384";
}

// Each connection is used by one thread at a time (Database hands a session to one caller),
// so SQLite's own lock around every call on a connection only costs: a national cluster's
// page makes some 30,000 column reads, each locking and unlocking it. Multi-thread mode
// drops that lock and keeps SQLite's global ones. It can only be chosen before SQLite
// starts; if something started it first, the default (serialized) mode simply stays.
void useSqliteMultiThreadMode()
{
    static const int chosen = sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    (void)chosen;
}

void applyMysqlSettings(soci::session& session)
{
    session << "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
               "ERROR_FOR_DIVISION_BY_ZERO'";
}

[[noreturn]] void throwMysqlError(MYSQL* connection)
{
    throw soci::mysql_soci_error(mysql_error(connection),
                                 static_cast<int>(mysql_errno(connection)));
}

void commitAroundMysql(soci::session& session, const std::function<void()>& step)
{
    MYSQL* connection = static_cast<soci::mysql_session_backend*>(session.get_backend())->conn_;
    const std::string commit = "COMMIT";
    if (mysql_send_query(connection, commit.data(), commit.size()) != 0)
        throwMysqlError(connection);
    std::exception_ptr stepFailure;
    try
    {
        step();
    }
    catch (...)
    {
        stepFailure = std::current_exception(); // the answer must still be read
    }
    const bool committed = mysql_read_query_result(connection) == 0;
    if (stepFailure)
        std::rethrow_exception(stepFailure);
    if (!committed)
        throwMysqlError(connection);
}
} // namespace

void openSession(soci::session& session, const DatabaseUrl& url)
{
    if (url.backend == Backend::Sqlite)
    {
        useSqliteMultiThreadMode();
        session.open(*soci::factory_sqlite3(), url.connectString);
        applySqliteSettings(session);
        return;
    }
    session.open(*soci::factory_mysql(), url.connectString);
    applyMysqlSettings(session);
}

void prepareStorage(const DatabaseUrl& url)
{
    if (url.backend != Backend::Sqlite)
        return;
    const auto folder = std::filesystem::path(url.filePath).parent_path();
    if (!folder.empty())
        std::filesystem::create_directories(folder);
}

bool isDuplicateKey(const soci::soci_error& error)
{
    if (const auto* mysql = dynamic_cast<const soci::mysql_soci_error*>(&error))
        return mysql->err_num_ == kMysqlDuplicateEntry;
    if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error))
        return (sqlite->result() & 0xff) == kSqliteConstraint &&
               std::string(error.what()).find("UNIQUE") != std::string::npos;
    return false;
}

bool isOutOfSpace(const soci::soci_error& error)
{
    if (const auto* mysql = dynamic_cast<const soci::mysql_soci_error*>(&error))
        return mysql->err_num_ == kMysqlRecordFileFull || mysql->err_num_ == kMysqlDiskFull;
    if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error))
        return (sqlite->result() & 0xff) == kSqliteFull ||
               (sqlite->result() & 0xff) == kSqliteIoError;
    return false;
}

bool isWriteConflict(const soci::soci_error& error)
{
    const auto* mysql = dynamic_cast<const soci::mysql_soci_error*>(&error);
    return mysql != nullptr && mysql->err_num_ == kMysqlDeadlock;
}

bool insertIfAbsent(const std::function<void()>& insert)
{
    try
    {
        insert();
        return true;
    }
    catch (const soci::soci_error& error)
    {
        if (!isDuplicateKey(error))
            throw;
        return false;
    }
}

void commitAround(soci::session& session, const std::function<void()>& step)
{
    if (session.get_backend_name() == "mysql")
        return commitAroundMysql(session, step);
    // SQLite commits in this process, so the commit comes first and the step straight after.
    // A commit may also checkpoint the WAL (fsyncs, milliseconds): not this one, so that the
    // gap a crash could fall into stays a few microseconds; the next commit checkpoints.
    session << "PRAGMA wal_autocheckpoint=0";
    try
    {
        session.commit();
    }
    catch (...)
    {
        session << "PRAGMA wal_autocheckpoint=1000";
        throw;
    }
    try
    {
        step();
    }
    catch (...)
    {
        session << "PRAGMA wal_autocheckpoint=1000";
        throw;
    }
    session << "PRAGMA wal_autocheckpoint=1000";
}

bool hasSingleWriter(Backend backend)
{
    return backend == Backend::Sqlite;
}

long long sqliteHeapBytes()
{
    return sqlite_api::sqlite3_memory_used(); // soci-sqlite3.h includes sqlite3.h in this namespace
}

} // namespace tracker::persistence::dialect
