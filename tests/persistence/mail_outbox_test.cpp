#include "persistence/mail_repository.h"
#include "persistence/migrations.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>

using namespace tracker;
using namespace tracker::persistence;

namespace
{
const Date kWeek{2026, 11, 30};

Subscription subscriber(const std::string& email)
{
    Subscription s;
    s.email = email;
    s.name = "An";
    return s;
}

std::string token(std::int64_t id)
{
    return "t" + std::to_string(id);
}
} // namespace

TEST_CASE("subscribing twice to one scope keeps one subscription, made active again", "[db][mail]")
{
    testing::TestDatabase test;
    migrate(test.database());
    MailRepository mail(test.database());
    const auto first = mail.subscribe(subscriber("an@example.vn"), kWeek, token);
    CHECK(first.token == token(first.id));
    CHECK(mail.unsubscribe(first.token, kWeek));
    CHECK(mail.activeSubscriptions().empty());
    CHECK_FALSE(mail.unsubscribe("no-such-token", kWeek));
    const auto again = mail.subscribe(subscriber("an@example.vn"), kWeek, token);
    CHECK(again.id == first.id);
    CHECK(mail.activeSubscriptions().size() == 1);
    auto other = subscriber("an@example.vn");
    other.scopeKind = "cluster";
    other.scopeValue = "huu-bang";
    CHECK(mail.subscribe(other, kWeek, token).id != first.id);
}

TEST_CASE("the outbox keeps one row per recipient and week, claimed by one sender at a time",
          "[db][mail]")
{
    testing::TestDatabase test;
    migrate(test.database());
    MailRepository mail(test.database());
    const auto s = mail.subscribe(subscriber("an@example.vn"), kWeek, token);
    const auto entry = mail.outboxEntry(s.id, kWeek, "tracker.example.vn");
    CHECK(entry.state == "pending");
    CHECK(entry.messageId == "<digest-" + std::to_string(s.id) + "-2026-11-30@tracker.example.vn>");
    CHECK(mail.outboxEntry(s.id, kWeek, "tracker.example.vn").id == entry.id); // the same row
    CHECK(mail.claimForSending(entry.id, 1000, 900));
    CHECK_FALSE(mail.claimForSending(entry.id, 1001, 900)); // another instance has it
    CHECK(mail.claimForSending(entry.id, 1901, 900));       // its lease lapsed
    mail.markFailed(entry.id, "421 try later", 5000);
    CHECK_FALSE(mail.claimForSending(entry.id, 4999, 900)); // not before its retry time
    CHECK(mail.claimForSending(entry.id, 5000, 900));
    bool dotWritten = false;
    mail.markCommittedAround(entry.id, [&] { dotWritten = true; });
    CHECK(dotWritten);
    CHECK(mail.outboxEntry(s.id, kWeek, "x").state == "committed");
    CHECK_FALSE(mail.claimForSending(entry.id, 99999, 900)); // never sent again
    mail.markSent(entry.id, "2026-11-30T08:00:01+07:00");
    const auto week = mail.entriesOfWeek(kWeek);
    REQUIRE(week.size() == 1);
    CHECK(week[0].state == "sent");
    CHECK(week[0].attempts == 3);
}

TEST_CASE("a refused address and an empty digest are done for the week", "[db][mail]")
{
    testing::TestDatabase test;
    migrate(test.database());
    MailRepository mail(test.database());
    const auto a = mail.subscribe(subscriber("a@example.vn"), kWeek, token);
    const auto b = mail.subscribe(subscriber("b@example.vn"), kWeek, token);
    const auto ea = mail.outboxEntry(a.id, kWeek, "x");
    const auto eb = mail.outboxEntry(b.id, kWeek, "x");
    REQUIRE(mail.claimForSending(ea.id, 0, 900));
    mail.markRejected(ea.id, "550 no such user");
    REQUIRE(mail.claimForSending(eb.id, 0, 900));
    mail.markEmpty(eb.id);
    CHECK(mail.outboxEntry(a.id, kWeek, "x").state == "rejected");
    CHECK(mail.outboxEntry(b.id, kWeek, "x").state == "empty");
    CHECK_FALSE(mail.claimForSending(ea.id, 99999, 900));
    CHECK_FALSE(mail.claimForSending(eb.id, 99999, 900));
}
