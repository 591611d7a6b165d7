#include "persistence/migrations.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>
#include <soci/soci.h>

using namespace tracker::persistence;

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
