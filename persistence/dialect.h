#pragma once

#include "persistence/database_url.h"

#include <functional>

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

} // namespace tracker::persistence::dialect
