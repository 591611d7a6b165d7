#pragma once

#include "persistence/database_url.h"

#include <functional>
#include <string>
#include <vector>

namespace soci
{
class session;
class soci_error;
} // namespace soci

namespace tracker::persistence::dialect
{

// Every difference between SQLite and MariaDB/MySQL lives here; nothing else branches on the
// backend. Queries elsewhere are written once, in the SQL both accept.

// Opens a session and sets what each backend needs: SQLite's WAL, busy timeout and foreign
// keys; MariaDB's strict SQL mode.
void openSession(soci::session& session, const DatabaseUrl& url);

// For SQLite, creates the folder the database file goes in; nothing for a server.
void prepareStorage(const DatabaseUrl& url);

// True for a unique-key (or primary-key) violation: the row is already there.
bool isDuplicateKey(const soci::soci_error& error);

// True when the transaction lost a write conflict and was rolled back by the server
// (MariaDB/Galera error 1213, SQLSTATE 40001): running it again from the start may succeed.
bool isWriteConflict(const soci::soci_error& error);

// True when the write failed for want of space (SQLite's disk full or I/O error on write,
// MariaDB's table or disk full): the database is unavailable until space returns, a 503,
// not a fault of the request. Nothing was committed.
bool isOutOfSpace(const soci::soci_error& error);

// Runs an INSERT that another instance may have run a moment before. True when it inserted;
// false when the unique key already held the row; any other error is thrown.
bool insertIfAbsent(const std::function<void()>& insert);

// Commits the session's open transaction around `step` so that the two are as close as
// the backend allows. MariaDB: COMMIT is sent, `step` runs, then the answer is read (the
// server carries out a COMMIT it has received even if this process dies). SQLite commits
// inside the process, so it commits first and then runs `step`.
void commitAround(soci::session& session, const std::function<void()>& step);

// SQLite has one writer: while one connection's transaction writes, others wait for it.
bool hasSingleWriter(Backend backend);

// --- Copying whole databases (backup and restore) ---

// The schema's tables, in the order of their names.
std::vector<std::string> tableNames(soci::session& session);
// A table's columns, in their order in the table.
std::vector<std::string> columnNames(soci::session& session, const std::string& table);
// A column read as text, whatever its type ('2026-06-14' for a MariaDB DATE, '42' for an
// integer), so that one copy loop serves both backends; NULL stays NULL.
std::string columnAsText(const std::string& column);

// Starts a read-only transaction that sees one instant of the whole database while others
// go on writing (MariaDB: a consistent InnoDB snapshot; SQLite: a WAL read transaction).
void beginSnapshot(soci::session& session);

// Runs `load` inside the session's open transaction with foreign keys checked only at its
// end (SQLite) or not at all (MariaDB, whose rows come from a consistent source), so that
// tables can be filled in any order.
void withForeignKeysDeferred(soci::session& session, const std::function<void()>& load);

// SQLite only: copies the session's database into a new file with SQLite's online backup
// API in one step, which reads one snapshot (a copy made page by page restarts whenever
// another connection writes, so under steady writes it might never end); in WAL mode
// writers go on meanwhile. Returns the number of pages copied.
// Bytes SQLite holds on the heap now, every connection's page cache included (0 when no
// SQLite database is open): the part of the process's memory that grows with its caches.
long long sqliteHeapBytes();

int copySqliteFile(soci::session& session, const std::string& target);

} // namespace tracker::persistence::dialect
