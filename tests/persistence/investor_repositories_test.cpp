// Enquiries, the mail queue and double opt-in on both backends: each email commits with
// what asked for it, a confirmation link works once and not after it expires, and a saved
// search's alert is recorded once per change.
#include "persistence/audit_repository.h"
#include "persistence/cluster_facts_repository.h"
#include "persistence/cluster_writer.h"
#include "persistence/enquiry_repository.h"
#include "persistence/mail_queue_repository.h"
#include "persistence/mail_repository.h"
#include "persistence/migrations.h"
#include "persistence/opt_in_repository.h"
#include "persistence/plot_repository.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>
#include <soci/soci.h>

using namespace tracker;
using namespace tracker::persistence;

namespace
{
const AuditContext kDeveloper{"cdt@example.vn", "127.0.0.1", "2026-12-01T09:00:00+07:00"};
const Date kToday{2026, 12, 1};
constexpr long long kNow = 1'764'554'400; // 2026-12-01 09:00 in Hanoi

struct Fixture
{
    testing::TestDatabase test;
    std::int64_t clusterId = 0;
    Fixture()
    {
        migrate(test.database());
        test.database().withSession(
            [&](soci::session& session)
            {
                Cluster cluster;
                cluster.code = "huu-bang";
                cluster.nameVi = "Cụm công nghiệp Hữu Bằng";
                cluster.district = "Thạch Thất";
                clusterId = insertCluster(session, cluster);
            });
    }
    Database& db() { return test.database(); }
};

QueuedMail mailTo(const std::string& address, const std::string& subject)
{
    QueuedMail mail;
    mail.recipient = address;
    mail.subject = subject;
    mail.body = "Nội dung";
    return mail;
}

Enquiry enquiry(std::int64_t clusterId, const std::string& email)
{
    Enquiry e;
    e.clusterId = clusterId;
    e.name = "Nguyễn Thị Lan";
    e.email = email;
    e.areaNeeded = 25'000;
    e.message = "Cần 2,5 ha đất sẵn sàng.";
    e.createdOn = kToday;
    return e;
}

std::string token(std::int64_t id)
{
    return "t" + std::to_string(id);
}

Subscription wanted(const std::string& email, const std::string& kind, const std::string& value)
{
    Subscription s;
    s.email = email;
    s.scopeKind = kind;
    s.scopeValue = value;
    return s;
}
} // namespace

TEST_CASE("an enquiry and its emails commit together, and its status moves once per version",
          "[db][investor]")
{
    Fixture f;
    EnquiryRepository enquiries(f.db());
    const auto stored = enquiries.create(
        enquiry(f.clusterId, "lan@investor.example"), "10.0.0.1", kNow,
        [](std::int64_t id)
        {
            return std::vector<QueuedMail>{
                mailTo("cdt@example.vn", "Yêu cầu " + std::to_string(id)),
                mailTo("lan@investor.example", "Đã nhận")};
        },
        "example.vn");
    REQUIRE(stored.id > 0);
    const auto due = MailQueueRepository(f.db()).due(kNow, 10);
    REQUIRE(due.size() == 2);
    CHECK(due[0].second.subject == "Yêu cầu " + std::to_string(stored.id));
    CHECK(due[0].first.messageId ==
          "<message-" + std::to_string(due[0].second.id) + "@example.vn>");
    CHECK(enquiries.countFromAddress("10.0.0.1", kNow - 3600) == 1);
    CHECK(enquiries.countFromAddress("10.0.0.2", kNow - 3600) == 0);
    CHECK(enquiries.countFromEmail("lan@investor.example", kNow + 1) == 0);

    // A failure while queueing leaves neither the enquiry nor any email.
    CHECK_THROWS(enquiries.create(
        enquiry(f.clusterId, "b@investor.example"), "10.0.0.1", kNow,
        [](std::int64_t) -> std::vector<QueuedMail> { throw std::runtime_error("no mail"); },
        "example.vn"));
    CHECK(enquiries.list().size() == 1);
    CHECK(MailQueueRepository(f.db()).due(kNow, 10).size() == 2);

    const auto read = enquiries.find(stored.id);
    REQUIRE(read);
    CHECK(read->clusterCode == "huu-bang");
    CHECK(read->areaNeeded == 25'000);
    CHECK(read->status == EnquiryStatus::New);
    const auto answered =
        enquiries.move(stored.id, EnquiryStatus::Answered, 1, Date{2026, 12, 3}, kDeveloper);
    CHECK(answered.saved);
    CHECK(answered.current.answeredOn == Date{2026, 12, 3});
    CHECK_FALSE(enquiries.move(stored.id, EnquiryStatus::Closed, 1, kToday, kDeveloper).saved);
    const auto closed =
        enquiries.move(stored.id, EnquiryStatus::Closed, 2, Date{2026, 12, 9}, kDeveloper);
    CHECK(closed.saved);
    CHECK(closed.current.answeredOn == Date{2026, 12, 3}); // the first answer's day stays
    AuditFilter filter;
    filter.entity = "enquiry";
    const auto audit = listAudit(f.db(), filter);
    REQUIRE(audit.size() == 2);
    CHECK(audit[0].clusterId == f.clusterId);
    CHECK(audit[0].changes.find("lan@") == std::string::npos); // nothing personal
}

TEST_CASE("double opt-in: nothing counts before the link, which works once and expires",
          "[db][investor]")
{
    Fixture f;
    OptInRepository optIns(f.db());
    MailRepository mail(f.db());
    int confirmations = 0;
    const auto confirmation = [&](const Subscription& s)
    {
        ++confirmations;
        return mailTo(s.email, "Xác nhận");
    };
    CHECK(optIns.request(wanted("an@example.vn", "all", ""), "hash-1", kNow + 3600, kNow, kToday,
                         token, confirmation, "example.vn", 3) == OptInRequest::ConfirmationQueued);
    CHECK(mail.activeSubscriptions().empty()); // the digest ignores it until confirmed
    CHECK(optIns.confirm("hash-2", kNow, kToday).first == ConfirmOutcome::Unknown);
    CHECK(optIns.confirm("hash-1", kNow + 3601, kToday).first == ConfirmOutcome::Expired);
    const auto confirmed = optIns.confirm("hash-1", kNow + 60, kToday);
    REQUIRE(confirmed.first == ConfirmOutcome::Confirmed);
    CHECK(confirmed.second->confirmedOn == kToday);
    CHECK(optIns.confirm("hash-1", kNow + 61, kToday).first == ConfirmOutcome::Unknown);
    CHECK(mail.activeSubscriptions().size() == 1);
    // Asking again once active sends nothing.
    CHECK(optIns.request(wanted("an@example.vn", "all", ""), "hash-3", kNow + 3600, kNow, kToday,
                         token, confirmation, "example.vn", 3) == OptInRequest::AlreadyActive);
    CHECK(confirmations == 1);

    // At most three confirmation emails a day to one address, whatever it is asked to follow.
    for (const char* cluster : {"a", "b", "c"})
        optIns.request(wanted("bo@example.vn", "cluster", cluster), std::string("h-") + cluster,
                       kNow + 3600, kNow, kToday, token, confirmation, "example.vn", 3);
    CHECK(optIns.request(wanted("bo@example.vn", "cluster", "d"), "h-d", kNow + 3600, kNow, kToday,
                         token, confirmation, "example.vn", 3) == OptInRequest::TooMany);
    CHECK(confirmations == 4);
    CHECK(optIns.ofEmail("bo@example.vn").size() == 3);
}

TEST_CASE("a saved search's alert is recorded once per change, and only where it was confirmed",
          "[db][investor]")
{
    Fixture f;
    OptInRepository optIns(f.db());
    const auto none = [](const Subscription& s) { return mailTo(s.email, "Xác nhận"); };
    optIns.request(wanted("lan@example.vn", "land", "min_ha=2"), "h", kNow + 3600, kNow, kToday,
                   token, none, "example.vn", 3);
    CHECK(optIns.savedSearches().empty()); // unconfirmed
    const auto id = optIns.confirm("h", kNow, kToday).second->id;
    REQUIRE(optIns.savedSearches().size() == 1);
    CHECK(optIns.recordAlert(id, "", "huu-bang=20000", std::nullopt, kNow, kToday, "example.vn"));
    CHECK(optIns.savedSearches()[0].second == "huu-bang=20000");
    const auto queued = MailQueueRepository(f.db()).due(kNow, 10).size();
    // Two runs see the same change: the second finds the state moved and queues nothing.
    CHECK(optIns.recordAlert(id, "huu-bang=20000", "huu-bang=30000",
                             mailTo("lan@example.vn", "1 cụm phù hợp"), kNow, kToday,
                             "example.vn"));
    CHECK_FALSE(optIns.recordAlert(id, "huu-bang=20000", "huu-bang=30000",
                                   mailTo("lan@example.vn", "1 cụm phù hợp"), kNow, kToday,
                                   "example.vn"));
    CHECK(MailQueueRepository(f.db()).due(kNow, 10).size() == queued + 1);
    CHECK(MailRepository(f.db()).activeSubscriptions().empty()); // a saved search gets no digest
}

TEST_CASE("plots are put by label, read with the facts, and each change audited", "[db][investor]")
{
    Fixture f;
    PlotRepository plots(f.db());
    Plot a{f.clusterId, "A1", 12'000, PlotStatus::Available, "Cơ khí"};
    plots.put(a, kDeveloper);
    a.status = PlotStatus::Reserved;
    plots.put(a, kDeveloper); // same label: replaced, not added
    plots.put({f.clusterId, "B2", 8'000, PlotStatus::Available, ""}, kDeveloper);
    const auto listed = plots.ofCluster(f.clusterId);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].status == PlotStatus::Reserved);
    const auto facts = ClusterFactsRepository(f.db()).all();
    REQUIRE(facts.count(f.clusterId) == 1); // plots without facts still come with them
    CHECK(facts.at(f.clusterId).plots.size() == 2);
    CHECK(facts.at(f.clusterId).version == 0);
    CHECK(plots.remove(f.clusterId, "B2", kDeveloper));
    CHECK_FALSE(plots.remove(f.clusterId, "B2", kDeveloper));
    AuditFilter filter;
    filter.entity = "plot";
    const auto audit = listAudit(f.db(), filter);
    CHECK(audit.size() == 4);
    CHECK(audit.front().clusterId == f.clusterId);
}
