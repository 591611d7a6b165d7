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
