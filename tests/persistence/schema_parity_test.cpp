#include "persistence/migrations.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <soci/soci.h>
#include <tuple>
#include <unistd.h>

using namespace tracker::persistence;

namespace
{
// table.column → referenced_table.referenced_column
using ForeignKey = std::tuple<std::string, std::string, std::string, std::string>;

std::set<std::string> tablesOf(soci::session& session, const std::string& query)
{
    std::set<std::string> tables;
    soci::rowset<std::string> rows = (session.prepare << query);
    for (const auto& name : rows)
        if (name != "schema_version" && name.rfind("sqlite_", 0) != 0)
            tables.insert(name);
    return tables;
}

std::set<ForeignKey> mysqlForeignKeys(Database& database, std::set<std::string>& tables)
{
    std::set<ForeignKey> keys;
    database.withSession(
        [&](soci::session& session)
        {
            tables = tablesOf(session, "SELECT table_name FROM information_schema.tables "
                                       "WHERE table_schema = DATABASE()");
            soci::rowset<soci::row> rows =
                (session.prepare
                 << "SELECT table_name, column_name, referenced_table_name, "
                    "referenced_column_name FROM information_schema.key_column_usage WHERE "
                    "table_schema = DATABASE() AND referenced_table_name IS NOT NULL");
            for (const auto& row : rows)
                keys.insert({row.get<std::string>(0), row.get<std::string>(1),
                             row.get<std::string>(2), row.get<std::string>(3)});
        });
    return keys;
}

std::set<ForeignKey> sqliteForeignKeys(Database& database, std::set<std::string>& tables)
{
    std::set<ForeignKey> keys;
    database.withSession(
        [&](soci::session& session)
        {
            tables = tablesOf(session, "SELECT name FROM sqlite_master WHERE type = 'table'");
            for (const auto& table : tables)
            {
                soci::rowset<soci::row> rows =
                    (session.prepare << "SELECT \"table\", \"from\", \"to\" FROM "
                                        "pragma_foreign_key_list('" +
                                            table + "')");
                for (const auto& row : rows)
                    keys.insert({table, row.get<std::string>(1), row.get<std::string>(0),
                                 row.get<std::string>(2)});
            }
        });
    return keys;
}
} // namespace

TEST_CASE("MariaDB's schema has the same tables and foreign keys as SQLite's",
          "[db][mariadb-only][migrations]")
{
    tracker::testing::TestDatabase mariadb; // this run is on MariaDB
    REQUIRE(mariadb.database().backend() == Backend::MySql);
    migrate(mariadb.database());
    const auto file = std::filesystem::temp_directory_path() /
                      ("tracker-parity-" + std::to_string(getpid()) + ".db");
    std::filesystem::remove(file);
    std::set<std::string> mysqlTables, sqliteTables;
    std::set<ForeignKey> sqliteKeys;
    {
        Database sqlite(DatabaseUrl::parse("sqlite:" + file.string()), 1);
        migrate(sqlite);
        sqliteKeys = sqliteForeignKeys(sqlite, sqliteTables);
    }
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(file.string() + suffix);
    const auto mysqlKeys = mysqlForeignKeys(mariadb.database(), mysqlTables);

    CHECK(mysqlTables == sqliteTables);
    CHECK(sqliteKeys.size() >= 13); // 5 from 0001, 2 from 0002, 6 from 0003
    for (const auto& key : sqliteKeys)
    {
        INFO(std::get<0>(key) << "." << std::get<1>(key) << " → " << std::get<2>(key));
        CHECK(mysqlKeys.count(key) == 1);
    }
    for (const auto& key : mysqlKeys)
    {
        INFO(std::get<0>(key) << "." << std::get<1>(key) << " → " << std::get<2>(key));
        CHECK(sqliteKeys.count(key) == 1);
    }
}

TEST_CASE("a foreign key refuses an orphan on either backend", "[db][migrations]")
{
    tracker::testing::TestDatabase test;
    migrate(test.database());
    test.database().withSession(
        [](soci::session& session)
        {
            CHECK_THROWS(session << "INSERT INTO outbox (subscription_id, week, state, "
                                    "message_id) VALUES (999999, '2026-11-30', 'pending', 'x')");
            CHECK_THROWS(session << "INSERT INTO sessions (id_hash, user_id, csrf_token, "
                                    "created_at, expires_at) VALUES ('h', 999999, 'c', 0, 0)");
        });
}
