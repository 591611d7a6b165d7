#include "persistence/migrations.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>
#include <soci/soci.h>

using namespace tracker::persistence;

// A real lost connection: another session kills ours on the server, as a restart does.
TEST_CASE("a session whose connection the server dropped reconnects on next use",
          "[db][mariadb-only][reconnect]")
{
    REQUIRE(tracker::testing::runningOnMariaDb());
    tracker::testing::TestDatabase test;
    auto database = test.connectAgain(1);
    long long connectionId = 0;
    database->withSession([&](soci::session& session)
                          { session << "SELECT CONNECTION_ID()", soci::into(connectionId); });
    auto admin = test.connectAgain(1);
    admin->withSession([&](soci::session& session)
                       { session << "KILL CONNECTION " + std::to_string(connectionId); });

    long long after = 0;
    database->withSession([&](soci::session& session)
                          { session << "SELECT CONNECTION_ID()", soci::into(after); });
    CHECK(after != 0);
    CHECK(after != connectionId); // a new connection answered
    CHECK(database->isReachable());
}
