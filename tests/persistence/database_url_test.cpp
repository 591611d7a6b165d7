#include "persistence/database_url.h"

#include <catch2/catch.hpp>

using tracker::persistence::Backend;
using tracker::persistence::DatabaseUrl;
using tracker::persistence::InvalidDatabaseUrl;

TEST_CASE("a sqlite URL names a file", "[url]")
{
    const auto url = DatabaseUrl::parse("sqlite:var/tracker.db");
    CHECK(url.backend == Backend::Sqlite);
    CHECK(url.connectString == "db=\"var/tracker.db\"");
    CHECK_THROWS_AS(DatabaseUrl::parse("sqlite:"), InvalidDatabaseUrl);
}

TEST_CASE("a mysql URL becomes a utf8mb4 connect string and never shows its password", "[url]")
{
    const auto url = DatabaseUrl::parse("mysql://tracker:s%40cret@127.0.0.1:3307/ccn");
    CHECK(url.backend == Backend::MySql);
    CHECK(url.connectString.find("password='s@cret'") != std::string::npos);
    CHECK(url.connectString.find("charset=utf8mb4") != std::string::npos);
    CHECK(url.connectString.find("port=3307") != std::string::npos);
    CHECK(url.redacted == "mysql://tracker:***@127.0.0.1:3307/ccn");
    CHECK(DatabaseUrl::parse("mariadb://u@h/d").connectString.find("port=3306") !=
          std::string::npos);
}

TEST_CASE("other URLs are refused with a message that says what is expected", "[url]")
{
    CHECK_THROWS_WITH(DatabaseUrl::parse("postgres://x/y"), Catch::Contains("sqlite:PATH"));
    CHECK_THROWS_AS(DatabaseUrl::parse("mysql://nohost"), InvalidDatabaseUrl);
    CHECK_THROWS_AS(DatabaseUrl::parse("mysql://u:p@h:3306/db name"), InvalidDatabaseUrl);
    CHECK_THROWS_AS(DatabaseUrl::parse("mysql://u:p@h:3306/db;drop"), InvalidDatabaseUrl);
}

TEST_CASE("a raw '@' in a password is refused without showing any of it", "[url]")
{
    try
    {
        DatabaseUrl::parse("mysql://u:Secret@Tail99@127.0.0.1:3306/ccn");
        FAIL("accepted");
    }
    catch (const InvalidDatabaseUrl& error)
    {
        const std::string message = error.what();
        CHECK(message.find("%40") != std::string::npos);
        CHECK(message.find("Secret") == std::string::npos);
        CHECK(message.find("Tail99") == std::string::npos);
    }
}

TEST_CASE("a huge or malformed mysql URL is a one-line error, never a crash", "[url]")
{
    CHECK_THROWS_WITH(DatabaseUrl::parse("mysql://u:p@" + std::string(50'000, 'h') + ":1/db"),
                      Catch::Contains("longer than 2048"));
    for (const char* bad :
         {"mysql://u:p@host:99999/db", "mysql://u:p@host:-1/db", "mysql://u:p@ho st:3306/db",
          "mysql://:p@host/db", "mysql://u:p@host/", "mysql://u:p@host/d;b", "mysql://u@/db"})
    {
        INFO(bad);
        CHECK_THROWS_AS(DatabaseUrl::parse(bad), InvalidDatabaseUrl);
    }
    CHECK(DatabaseUrl::parse("mysql://u@db.example.vn/ccn").redacted ==
          "mysql://u@db.example.vn:3306/ccn");
}
