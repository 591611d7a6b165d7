#include "persistence/account_repository.h"
#include "persistence/audit_repository.h"
#include "persistence/migrations.h"
#include "persistence/sign_in_repository.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>

using namespace tracker;
using namespace tracker::persistence;

namespace
{
const AuditContext kAdmin{"admin@example.vn", "127.0.0.1", "2026-11-27T09:00:00+07:00"};

Account official(const std::string& email)
{
    Account account;
    account.email = email;
    account.name = "Trần Thị Bình";
    account.role = Role::DistrictOfficial;
    account.districts = {"Thạch Thất", "Quốc Oai"};
    return account;
}
} // namespace

TEST_CASE("an account is stored with its scopes, once per email, and audited without its "
          "password",
          "[db][accounts]")
{
    testing::TestDatabase test;
    migrate(test.database());
    AccountRepository accounts(test.database());
    const auto id = accounts.createUser(official("binh@example.vn"), "argon2-hash", kAdmin);
    const auto stored = accounts.findByEmail("binh@example.vn");
    REQUIRE(stored);
    CHECK(stored->account.id == id);
    CHECK(stored->account.name == "Trần Thị Bình");
    CHECK(stored->account.districts == std::vector<std::string>{"Quốc Oai", "Thạch Thất"});
    CHECK(stored->passwordHash == "argon2-hash");
    CHECK(stored->active);
    CHECK_THROWS_AS(accounts.createUser(official("binh@example.vn"), "x", kAdmin),
                    DuplicateAccount);
    AuditFilter filter;
    filter.entity = "user";
    const auto audit = listAudit(test.database(), filter);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].changes.find("binh@example.vn") != std::string::npos);
    CHECK(audit[0].changes.find("argon2-hash") == std::string::npos);
}

TEST_CASE("an account update over a newer version changes nothing", "[db][accounts]")
{
    testing::TestDatabase test;
    migrate(test.database());
    AccountRepository accounts(test.database());
    const auto id = accounts.createUser(official("an@example.vn"), "h", kAdmin);
    auto next = accounts.findAnyById(id)->account;
    next.role = Role::CityOfficial;
    next.districts.clear();
    CHECK(accounts.updateAccount(next, 1, kAdmin));
    CHECK(accounts.findAnyById(id)->version == 2);
    next.name = "late";
    CHECK_FALSE(accounts.updateAccount(next, 1, kAdmin)); // someone saved version 2 first
    CHECK(accounts.findAnyById(id)->account.name == "Trần Thị Bình");
    CHECK(accounts.findAnyById(id)->account.role == Role::CityOfficial);
}

TEST_CASE("a password change or deactivation ends the account's sessions", "[db][accounts]")
{
    testing::TestDatabase test;
    migrate(test.database());
    AccountRepository accounts(test.database());
    SignInRepository signIns(test.database());
    const auto id = accounts.createUser(official("an@example.vn"), "h", kAdmin);
    signIns.createSession("s1", id, "csrf", 100, 1000, "127.0.0.1");
    REQUIRE(signIns.findSession("s1", 200));
    CHECK_FALSE(signIns.findSession("s1", 1000)); // expired at its time
    accounts.setPassword(id, "h2", kAdmin);
    CHECK_FALSE(signIns.findSession("s1", 200));
    signIns.createSession("s2", id, "csrf", 100, 1000, "127.0.0.1");
    accounts.setActive(id, false, kAdmin);
    CHECK_FALSE(signIns.findSession("s2", 200));
    CHECK_FALSE(accounts.findById(id)); // inactive accounts are not found for sign-in
    CHECK(accounts.findAnyById(id));
}

TEST_CASE("tokens and failed sign-ins are kept by their hash and address", "[db][accounts]")
{
    testing::TestDatabase test;
    migrate(test.database());
    AccountRepository accounts(test.database());
    SignInRepository signIns(test.database());
    const auto id = accounts.createUser(official("an@example.vn"), "h", kAdmin);
    signIns.addToken(id, "token-hash", "2026-11-27T09:00:00+07:00", 5000);
    CHECK(signIns.userOfToken("token-hash", 4999)->userId == id);
    CHECK_FALSE(signIns.userOfToken("token-hash", 5000)); // expired
    CHECK_FALSE(signIns.userOfToken("other", 0));
    signIns.addToken(id, "second", "2026-11-27T09:00:00+07:00", 9000);
    CHECK(signIns.revokeTokens(id, "2026-11-27T10:00:00+07:00") == 2);
    CHECK_FALSE(signIns.userOfToken("second", 100));
    signIns.addToken(id, "third", "2026-11-27T11:00:00+07:00", 9000);
    accounts.setPassword(id, "new-hash", kAdmin); // a password change revokes them all
    CHECK_FALSE(signIns.userOfToken("third", 100));
    signIns.addToken(id, "fourth", "2026-11-27T11:00:00+07:00", 9000);
    accounts.setActive(id, false, kAdmin);
    accounts.setActive(id, true, kAdmin); // coming back does not bring the old token back
    CHECK_FALSE(signIns.userOfToken("fourth", 100));
    const auto a1 = signIns.recordAttempt("an@example.vn", "10.0.0.1", 100);
    const auto a2 = signIns.recordAttempt("an@example.vn", "10.0.0.2", 200);
    const auto b1 = signIns.recordAttempt("bo@example.vn", "10.0.0.1", 300);
    const auto a3 = signIns.recordAttempt("an@example.vn", "10.0.0.1", 400);
    // Each attempt sees every other failure, later ids included (one with a lower id may
    // commit after it): concurrent guesses cannot all pass.
    CHECK(signIns.failuresOfPair("an@example.vn", "10.0.0.1", 0, a1).count == 1); // a3
    const auto pair = signIns.failuresOfPair("an@example.vn", "10.0.0.1", 0, a3);
    CHECK(pair.count == 1);
    CHECK(pair.latest == 100);
    CHECK(signIns.failuresOfPair("an@example.vn", "10.0.0.1", 150, a3 + 1).count == 1);
    CHECK(signIns.failuresOfAddress("10.0.0.1", 0, a3 + 1).count == 3);
    CHECK(signIns.failuresOfAddress("10.0.0.1", 0, b1).count == 2); // a1 and a3, not itself
    signIns.forgetAttempt(a3);
    CHECK(signIns.failuresOfAddress("10.0.0.1", 0, a3 + 1).count == 2);
    signIns.clearFailures("an@example.vn", "10.0.0.1"); // a success from there
    CHECK(signIns.failuresOfPair("an@example.vn", "10.0.0.1", 0, a3 + 1).count == 0);
    CHECK(signIns.failuresOfPair("an@example.vn", "10.0.0.2", 0, a3 + 1).count == 1);
    CHECK(signIns.failuresOfAddress("10.0.0.1", 0, a3 + 1).count == 1);
    (void)a2;
}
