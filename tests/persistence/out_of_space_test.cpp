// Found by scripts/faults (d): a write to SQLite on a full disk answered 500. It is now
// DatabaseUnavailable (a 503 with Retry-After), nothing of the transaction is kept, and the
// same connection works once there is room again. SQLite's max_page_count stands in for the
// full disk here (the campaign fills a real tmpfs).
#include "persistence/migrations.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>
#include <soci/soci.h>

using namespace tracker::persistence;

namespace
{
void queueMany(Database& database, int rows)
{
    database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            const std::string body(2000, 'x');
            for (int i = 0; i < rows; ++i)
                session << "INSERT INTO mail_queue (recipient, subject, body, language, "
                           "created_at) VALUES ('a@example.vn', 's', :b, 'vi', 0)",
                    soci::use(body);
            transaction.commit();
        });
}

long long queued(Database& database)
{
    long long n = -1;
    database.withSession([&](soci::session& session)
                         { session << "SELECT COUNT(*) FROM mail_queue", soci::into(n); });
    return n;
}
} // namespace

TEST_CASE("a write that finds no space left is 'unavailable', keeps nothing, and works again "
          "once there is room",
          "[space]")
{
    tracker::testing::TestDatabase test;
    migrate(test.database());
    auto database = test.connectAgain(1);
    database->withSession(
        [](soci::session& session)
        {
            long long pages = 0;
            session << "PRAGMA page_count", soci::into(pages);
            session << "PRAGMA max_page_count = " + std::to_string(pages + 2);
        });
    CHECK_THROWS_AS(queueMany(*database, 500), DatabaseUnavailable);
    database->withSession([](soci::session& session)
                          { session << "PRAGMA max_page_count = 1073741823"; });
    CHECK(queued(*database) == 0);
    queueMany(*database, 500);
    CHECK(queued(*database) == 500);
}
