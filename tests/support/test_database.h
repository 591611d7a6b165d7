#pragma once

#include "persistence/database.h"

#include <memory>
#include <string>

namespace tracker::testing
{

// The backend this test run is for: "mariadb" when Catch2 was started with --name mariadb.
bool runningOnMariaDb();

// A fresh, empty database for one test on the run's backend, removed afterwards: a new
// SQLite file, or a new database on the MariaDB server named by TRACKER_TEST_MYSQL_URL.
class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& url() const { return _url; }
    persistence::Database& database() { return *_database; }
    // A second, independent connection, e.g. to kill the first one's session.
    std::unique_ptr<persistence::Database> connectAgain(int poolSize = 1) const;

private:
    std::string _url;
    std::string _cleanupName; // file or database to drop
    std::unique_ptr<persistence::Database> _database;
};

} // namespace tracker::testing
