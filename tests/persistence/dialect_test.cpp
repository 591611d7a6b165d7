#include "persistence/dialect.h"
#include "persistence/migrations.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>
#include <soci/soci.h>
#include <thread>

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

TEST_CASE("a transaction that loses a write conflict is run again as a whole",
          "[db][mariadb-only][dialect]")
{
    // Two transactions lock the same two rows in opposite orders: InnoDB aborts one with
    // error 1213, the error Galera gives the loser of a certification conflict.
    tracker::testing::TestDatabase test;
    REQUIRE(test.database().backend() == Backend::MySql);
    migrate(test.database());
    test.database().withSession(
        [](soci::session& session)
        { session << "INSERT INTO tracker_meta (name, value) VALUES ('a', '0'), ('b', '0')"; });
    std::mutex mutex;
    std::condition_variable bothLocked;
    int locked = 0;
    const auto increment = [](soci::session& session, const char* name)
    {
        session << "UPDATE tracker_meta SET value = CAST(value AS SIGNED) + 1 WHERE name = :n",
            soci::use(std::string(name));
    };
    const auto crosswise = [&](const char* first, const char* second)
    {
        bool firstAttempt = true;
        test.database().withSession(
            [&](soci::session& session)
            {
                soci::transaction transaction(session);
                increment(session, first);
                if (firstAttempt)
                {
                    firstAttempt = false;
                    std::unique_lock lock(mutex);
                    ++locked;
                    bothLocked.notify_all();
                    bothLocked.wait(lock, [&] { return locked == 2; });
                }
                increment(session, second);
                transaction.commit();
            });
    };
    const auto retriesBefore = test.database().poolStats().conflictRetries;
    std::thread one([&] { crosswise("a", "b"); });
    std::thread two([&] { crosswise("b", "a"); });
    one.join();
    two.join();
    CHECK(test.database().poolStats().conflictRetries > retriesBefore);
    test.database().withSession(
        [](soci::session& session)
        {
            std::string a, b;
            session << "SELECT value FROM tracker_meta WHERE name = 'a'", soci::into(a);
            session << "SELECT value FROM tracker_meta WHERE name = 'b'", soci::into(b);
            CHECK(a == "2"); // both transactions took effect once each
            CHECK(b == "2");
        });
}
