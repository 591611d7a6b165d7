#pragma once

#include "persistence/database.h"
#include "tracker/date.h"
#include "tracker/subscription.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tracker::persistence
{

// One digest for one recipient and one week: the row exists before the email is sent,
// so that no crash, retry or second instance can send it twice.
struct OutboxEntry
{
    std::int64_t id = 0;
    std::int64_t subscriptionId = 0;
    Date week;
    std::string state; // pending | sending | sent | empty
    std::string messageId;
    int attempts = 0;
};

class MailRepository
{
public:
    explicit MailRepository(Database& database) : _database(database) {}

    // Adds a subscription an admin or the command line asked for (confirmed: they stand for
    // its consent), or returns the existing one for the same email and scope (made active and
    // confirmed again). `makeToken` turns the new id into its token.
    Subscription subscribe(Subscription wanted, const Date& today,
                           const std::function<std::string(std::int64_t)>& makeToken);
    // The weekly digest's recipients: confirmed, not unsubscribed, not a saved search.
    std::vector<Subscription> activeSubscriptions();
    std::optional<Subscription> findByToken(const std::string& token);
    bool unsubscribe(const std::string& token, const Date& today); // false: unknown token

    // The week's row for a subscription, created pending when absent.
    OutboxEntry outboxEntry(std::int64_t subscriptionId, const Date& week,
                            const std::string& messageIdDomain);
    // A reminder's row (kind reminder, no subscription), created pending when absent: one
    // per key, so that a reminder is sent once however often the job runs.
    OutboxEntry reminderEntry(const std::string& key, const std::string& recipient, const Date& due,
                              const std::string& messageIdDomain);
    // pending (or sending whose claim lapsed) → sending; false when someone else has it.
    bool claimForSending(std::int64_t entryId, long long nowUnix, int leaseSeconds);
    void markSent(std::int64_t entryId, const std::string& at);
    // The whole message is with the server, all but the final dot. Marks the entry committed
    // (from then on it is never sent again: a crash cannot tell whether the dot arrived) and
    // runs `writeFinalDot` in the same instant. On MariaDB the COMMIT is sent and the dot
    // written before the COMMIT's answer is read, so a crash between the record and the dot
    // is a window of two system calls rather than of a commit's round trip and log flush
    // (that window lost an email to a SIGKILL in a CI run of the MariaDB kill test).
    void markCommittedAround(std::int64_t entryId, const std::function<void()>& writeFinalDot);
    void markEmpty(std::int64_t entryId);
    // The server refused the address for good (5xx to RCPT TO): done, never retried.
    void markRejected(std::int64_t entryId, const std::string& error);
    void markFailed(std::int64_t entryId, const std::string& error, long long retryAtUnix);
    std::vector<OutboxEntry> entriesOfWeek(const Date& week);
    // Outbox rows by state, over every week: pending, sending, committed, sent, …
    std::map<std::string, long long> outboxByState();

private:
    Database& _database;
};

} // namespace tracker::persistence
