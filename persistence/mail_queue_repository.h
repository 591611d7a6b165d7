#pragma once

#include "persistence/database.h"
#include "persistence/mail_repository.h"
#include "tracker/date.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace soci
{
class session;
}

namespace tracker::persistence
{

// An email whose text is settled when it is queued: an enquiry passed to a developer, its
// receipt to the enquirer, a subscription's confirmation, a saved-search alert.
struct QueuedMail
{
    std::int64_t id = 0;
    std::string recipient;
    std::string recipientName;
    std::string subject;
    std::string body; // plain text, UTF-8
    std::string language = "vi";
    std::string unsubscribeUrl; // for List-Unsubscribe; empty for a one-off message
};

// Queues `mail` with its outbox row, inside the caller's transaction, so that what asked
// for it (an enquiry, a subscription) and its email commit together or not at all.
void enqueueMail(soci::session& session, const QueuedMail& mail, long long nowUnix,
                 const Date& today, const std::string& messageIdDomain);

class MailQueueRepository
{
public:
    explicit MailQueueRepository(Database& database) : _database(database) {}

    void enqueue(const QueuedMail& mail, long long nowUnix, const Date& today,
                 const std::string& messageIdDomain);
    // Queued messages whose outbox row may be claimed now (pending and due, or a lapsed
    // claim), oldest first, at most `limit`.
    std::vector<std::pair<OutboxEntry, QueuedMail>> due(long long nowUnix, std::size_t limit);
    // How many messages were queued to this address since then: a bound on what one web
    // form can make the tracker send to somebody.
    long long countTo(const std::string& recipient, long long sinceUnix);

private:
    Database& _database;
};

} // namespace tracker::persistence
