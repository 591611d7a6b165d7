#include "persistence/dialect.h"
#include "persistence/migrations.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>
#include <soci/soci.h>

using namespace tracker::persistence;

TEST_CASE("insert-if-absent absorbs a duplicate key and nothing else", "[db][dialect]")
{
    tracker::testing::TestDatabase test;
    migrate(test.database());
    test.database().withSession(
        [](soci::session& session)
        {
            const auto insert = [&](const std::string& name)
            {
                return dialect::insertIfAbsent(
                    [&] {
                        session << "INSERT INTO tracker_meta (name, value) VALUES (:n, 'x')",
                            soci::use(name);
                    });
            };
            CHECK(insert("first"));
            CHECK_FALSE(insert("first")); // the primary key holds it already
            long long rows = 0;
            session << "SELECT COUNT(*) FROM tracker_meta WHERE name = 'first'", soci::into(rows);
            CHECK(rows == 1);
            // A NULL where NOT NULL is required is a constraint too, but not a duplicate:
            // it must surface, never pass for "someone else inserted it".
            CHECK_THROWS(dialect::insertIfAbsent(
                [&] { session << "INSERT INTO tracker_meta (name, value) VALUES ('n', NULL)"; }));
            CHECK_THROWS(dialect::insertIfAbsent(
                [&] { session << "INSERT INTO no_such_table (x) VALUES (1)"; }));
        });
}

TEST_CASE("the dialect knows which backend has a single writer", "[dialect]")
{
    CHECK(dialect::hasSingleWriter(Backend::Sqlite));
    CHECK_FALSE(dialect::hasSingleWriter(Backend::MySql));
}
