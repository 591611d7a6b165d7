#include "persistence/migrations.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>
#include <set>
#include <soci/soci.h>

using namespace tracker::persistence;

namespace
{
// The first column of each index on `table`: what a lookup by that column can search
// instead of scanning the table.
std::set<std::string> leadingIndexedColumns(Database& database, const std::string& table)
{
    std::set<std::string> columns;
    database.withSession(
        [&](soci::session& session)
        {
            const std::string query =
                database.backend() == Backend::MySql
                    ? "SELECT column_name FROM information_schema.statistics WHERE "
                      "table_schema = DATABASE() AND table_name = :t AND seq_in_index = 1"
                    : "SELECT ii.name FROM pragma_index_list(:t) AS il, "
                      "pragma_index_info(il.name) AS ii WHERE ii.seqno = 0";
            soci::rowset<std::string> rows = (session.prepare << query, soci::use(table));
            for (const auto& column : rows)
                columns.insert(column);
        });
    return columns;
}
} // namespace

TEST_CASE("migrations build the schema once and record each version", "[db][migrations]")
{
    tracker::testing::TestDatabase test;
    const int latest = embeddedMigrations_sqlite().back().version;
    REQUIRE(embeddedMigrations_mysql().back().version == latest); // same numbers in both

    CHECK(migrate(test.database()) == latest);
    CHECK(schemaVersion(test.database()) == latest);
    CHECK(migrate(test.database()) == 0); // a second start changes nothing

    long long tables = 0;
    test.database().withSession(
        [&](soci::session& session)
        { session << "SELECT COUNT(*) FROM clusters", soci::into(tables); });
    CHECK(tables == 0);
}

TEST_CASE("a migration file splits into its statements", "[migrations]")
{
    const auto statements = splitStatements("-- comment;\nCREATE TABLE a (x INT);\n\n"
                                            "CREATE TABLE b (\n  y INT\n);\n");
    REQUIRE(statements.size() == 2);
    CHECK(statements[0] == "CREATE TABLE a (x INT)");
    CHECK(statements[1] == "CREATE TABLE b (\n  y INT\n)");
}

// Every tenant write asks which companies hold its tax code (tracker/plausibility.h): at
// national scale (60,000 tenants) a scan of the table was most of a write's cost.
TEST_CASE("the lookups every write makes search an index on both backends", "[db][migrations]")
{
    tracker::testing::TestDatabase test;
    migrate(test.database());

    const auto tenants = leadingIndexedColumns(test.database(), "tenants");
    CHECK(tenants.count("tax_code") == 1);
    CHECK(tenants.count("cluster_id") == 1);
    CHECK(leadingIndexedColumns(test.database(), "progress_reports").count("cluster_id") == 1);
    CHECK(leadingIndexedColumns(test.database(), "work_items").count("cluster_id") == 1);
}
