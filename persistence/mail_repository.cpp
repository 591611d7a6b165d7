#include "persistence/mail_repository.h"

#include "persistence/dialect.h"
#include "persistence/row_values.h"
#include "persistence/subscription_rows.h"

#include <cctype>
#include <exception>
#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
constexpr const char* kOutboxByState = "SELECT state, COUNT(*) AS n FROM outbox GROUP BY state";
constexpr const char* kResubscribe =
    "UPDATE subscriptions SET unsubscribed_on = NULL, language = :l, name = :n, confirmed_on = "
    "COALESCE(confirmed_on, created_on), confirm_hash = NULL WHERE id = :i";
constexpr const char* kInsertSubscription =
    "INSERT INTO subscriptions (email, name, language, scope_kind, scope_value, token, created_on, "
    "confirmed_on) VALUES (:e, :n, :l, :k, :v, :t, :d, :d2)";
constexpr const char* kSelectSubscriptionIdByToken =
    "SELECT id FROM subscriptions WHERE token = :t";
constexpr const char* kUpdateSubscriptionToken =
    "UPDATE subscriptions SET token = :t WHERE id = :i";
constexpr const char* kUnsubscribe =
    "UPDATE subscriptions SET unsubscribed_on = :d WHERE token = :t AND unsubscribed_on IS NULL";
constexpr const char* kSelectOutboxEntry =
    "SELECT id, subscription_id, week, state, message_id, attempts FROM outbox WHERE "
    "subscription_id = :s AND week = :w";
constexpr const char* kInsertOutboxEntry =
    "INSERT INTO outbox (subscription_id, week, state, message_id) VALUES (:s, :w, :p, :m)";
constexpr const char* kSelectReminderEntry =
    "SELECT id, subscription_id, week, state, message_id, attempts FROM outbox WHERE "
    "reminder_key = :k";
constexpr const char* kInsertReminderEntry =
    "INSERT INTO outbox (week, state, message_id, kind, recipient, reminder_key) VALUES "
    "(:w, :p, :m, 'reminder', :r, :k)";
constexpr const char* kMarkOutboxSending =
    "UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = :u WHERE id = "
    ":i AND ((state = 'pending' AND next_attempt_at <= :n) OR (state = 'sending' AND "
    "next_attempt_at < :n2))";
constexpr const char* kMarkOutboxSent =
    "UPDATE outbox SET state = 'sent', sent_at = :a, last_error = NULL WHERE id = :i";
constexpr const char* kMarkOutboxCommitted =
    "UPDATE outbox SET state = 'committed' WHERE id = :i AND state = 'sending'";
constexpr const char* kMarkOutboxEmpty = "UPDATE outbox SET state = 'empty' WHERE id = :i";
constexpr const char* kMarkOutboxRejected =
    "UPDATE outbox SET state = 'rejected', last_error = :e, attempts = attempts + 1 WHERE id = :i";
constexpr const char* kMarkOutboxPending =
    "UPDATE outbox SET state = 'pending', last_error = :e, next_attempt_at = :r WHERE id = :i AND "
    "state IN ('sending', 'committed')";
constexpr const char* kSelectOutboxOfWeek =
    "SELECT id, subscription_id, week, state, message_id, "
    "attempts FROM outbox WHERE week = :w AND kind = 'digest' ORDER BY id";

void rollbackQuietly(soci::session& session)
{
    try
    {
        session.rollback();
    }
    catch (const soci::soci_error&)
    {
        // the connection is gone: the server has rolled the transaction back itself
    }
}

OutboxEntry entryFromRow(const soci::row& row)
{
    OutboxEntry e;
    e.id = integer(row, "id");
    e.subscriptionId = optionalInteger(row, "subscription_id").value_or(0); // 0: a reminder
    e.week = date(row, "week");
    e.state = text(row, "state");
    e.messageId = text(row, "message_id");
    e.attempts = static_cast<int>(integer(row, "attempts"));
    return e;
}
} // namespace

Subscription MailRepository::subscribe(Subscription wanted, const Date& today,
                                       const std::function<std::string(std::int64_t)>& makeToken)
{
    Subscription result;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            const std::string where = "WHERE email = :e AND scope_kind = :k AND scope_value = :v";
            if (auto existing =
                    findOne(session, where, {wanted.email, wanted.scopeKind, wanted.scopeValue}))
            {
                long long id = existing->id;
                session << kResubscribe, soci::use(wanted.language), soci::use(wanted.name),
                    soci::use(id);
                existing->unsubscribedOn.reset();
                existing->language = wanted.language;
                existing->name = wanted.name;
                result = *existing;
                transaction.commit();
                return;
            }
            const std::string day = today.iso();
            const std::string placeholder = "new:" + wanted.email + ":" + wanted.scopeKind + ":" +
                                            wanted.scopeValue; // unique until the real token
            session << kInsertSubscription, soci::use(wanted.email), soci::use(wanted.name),
                soci::use(wanted.language), soci::use(wanted.scopeKind),
                soci::use(wanted.scopeValue), soci::use(placeholder), soci::use(day),
                soci::use(day);
            long long id = 0;
            session << kSelectSubscriptionIdByToken, soci::use(placeholder), soci::into(id);
            const std::string token = makeToken(id);
            session << kUpdateSubscriptionToken, soci::use(token), soci::use(id);
            transaction.commit();
            wanted.id = id;
            wanted.token = token;
            result = wanted;
        });
    return result;
}

std::vector<Subscription> MailRepository::activeSubscriptions()
{
    std::vector<Subscription> list;
    _database.withSession(
        [&](soci::session& session)
        {
            list.clear();
            soci::rowset<soci::row> rows =
                session.prepare << kSubscriptionColumns +
                                       "WHERE unsubscribed_on IS NULL AND confirmed_on IS NOT "
                                       "NULL AND scope_kind <> 'land' ORDER BY id";
            for (const auto& row : rows)
                list.push_back(subscriptionFromRow(row));
        });
    return list;
}

std::optional<Subscription> MailRepository::findByToken(const std::string& token)
{
    std::optional<Subscription> found;
    _database.withSession([&](soci::session& session)
                          { found = findOne(session, "WHERE token = :t", {token}); });
    return found;
}

bool MailRepository::unsubscribe(const std::string& token, const Date& today)
{
    bool known = false;
    _database.withSession(
        [&](soci::session& session)
        {
            known = findOne(session, "WHERE token = :t", {token}).has_value();
            if (!known)
                return;
            const std::string day = today.iso();
            session << kUnsubscribe, soci::use(day), soci::use(token);
        });
    return known;
}

OutboxEntry MailRepository::outboxEntry(std::int64_t subscriptionId, const Date& week,
                                        const std::string& messageIdDomain)
{
    OutboxEntry entry;
    _database.withSession(
        [&](soci::session& session)
        {
            long long subscription = subscriptionId;
            const std::string day = week.iso();
            const auto read = [&]
            {
                soci::rowset<soci::row> rows = (session.prepare << kSelectOutboxEntry,
                                                soci::use(subscription), soci::use(day));
                for (const auto& row : rows)
                {
                    entry = entryFromRow(row);
                    return true;
                }
                return false;
            };
            if (read())
                return;
            // The Message-ID names the recipient and week, so that a resend after a crash is
            // the same message to every mail system that sees it twice.
            const std::string messageId = "<digest-" + std::to_string(subscriptionId) + "-" + day +
                                          "@" + messageIdDomain + ">";
            const std::string pending = "pending";
            // Another instance may have created it a moment ago: the unique key keeps one.
            dialect::insertIfAbsent(
                [&]
                {
                    session << kInsertOutboxEntry, soci::use(subscription), soci::use(day),
                        soci::use(pending), soci::use(messageId);
                });
            read();
        });
    return entry;
}

OutboxEntry MailRepository::reminderEntry(const std::string& key, const std::string& recipient,
                                          const Date& due, const std::string& messageIdDomain)
{
    OutboxEntry entry;
    _database.withSession(
        [&](soci::session& session)
        {
            const auto read = [&]
            {
                soci::rowset<soci::row> rows =
                    (session.prepare << kSelectReminderEntry, soci::use(key));
                for (const auto& row : rows)
                {
                    entry = entryFromRow(row);
                    return true;
                }
                return false;
            };
            if (read())
                return;
            const std::string day = due.iso(), pending = "pending";
            // Named by its key, so that a resend after a crash is the same message.
            std::string safe;
            for (const char c : key)
                safe += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
            const std::string messageId = "<reminder-" + safe + "@" + messageIdDomain + ">";
            dialect::insertIfAbsent(
                [&]
                {
                    session << kInsertReminderEntry, soci::use(day), soci::use(pending),
                        soci::use(messageId), soci::use(recipient), soci::use(key);
                });
            read();
        });
    return entry;
}

bool MailRepository::claimForSending(std::int64_t entryId, long long nowUnix, int leaseSeconds)
{
    bool won = false;
    _database.withSession(
        [&](soci::session& session)
        {
            long long id = entryId, now = nowUnix, until = nowUnix + leaseSeconds;
            soci::statement update = (session.prepare << kMarkOutboxSending, soci::use(until),
                                      soci::use(id), soci::use(now), soci::use(now));
            update.execute(true);
            won = update.get_affected_rows() == 1;
        });
    return won;
}

void MailRepository::markSent(std::int64_t entryId, const std::string& at)
{
    _database.withSession(
        [&](soci::session& session)
        {
            long long id = entryId;
            session << kMarkOutboxSent, soci::use(at), soci::use(id);
        });
}

void MailRepository::markCommittedAround(std::int64_t entryId,
                                         const std::function<void()>& writeFinalDot)
{
    bool dotWritten = false;
    const auto writeDot = [&]
    {
        dotWritten = true;
        writeFinalDot();
    };
    _database.withSession(
        [&](soci::session& session)
        {
            if (dotWritten)
                return; // a reconnect-and-retry must never write the dot twice
            long long id = entryId;
            session.begin();
            try
            {
                session << kMarkOutboxCommitted, soci::use(id);
                dialect::commitAround(session, writeDot);
            }
            catch (...)
            {
                // Before the dot, a failed mark must not leave the pooled session inside a
                // transaction; after it, the transaction is over either way.
                if (!dotWritten)
                    rollbackQuietly(session);
                throw;
            }
        });
}

void MailRepository::markEmpty(std::int64_t entryId)
{
    _database.withSession(
        [&](soci::session& session)
        {
            long long id = entryId;
            session << kMarkOutboxEmpty, soci::use(id);
        });
}

void MailRepository::markRejected(std::int64_t entryId, const std::string& error)
{
    _database.withSession(
        [&](soci::session& session)
        {
            long long id = entryId;
            session << kMarkOutboxRejected, soci::use(error), soci::use(id);
        });
}

void MailRepository::markFailed(std::int64_t entryId, const std::string& error,
                                long long retryAtUnix)
{
    _database.withSession(
        [&](soci::session& session)
        {
            long long id = entryId, retry = retryAtUnix;
            session << kMarkOutboxPending, soci::use(error), soci::use(retry), soci::use(id);
        });
}

std::vector<OutboxEntry> MailRepository::entriesOfWeek(const Date& week)
{
    std::vector<OutboxEntry> list;
    _database.withSession(
        [&](soci::session& session)
        {
            list.clear();
            const std::string day = week.iso();
            soci::rowset<soci::row> rows = (session.prepare << kSelectOutboxOfWeek, soci::use(day));
            for (const auto& row : rows)
                list.push_back(entryFromRow(row));
        });
    return list;
}

std::map<std::string, long long> MailRepository::outboxByState()
{
    std::map<std::string, long long> counts;
    _database.withSession(
        [&](soci::session& session)
        {
            counts.clear();
            soci::rowset<soci::row> rows = (session.prepare << kOutboxByState);
            for (const auto& row : rows)
                counts[text(row, "state")] = integer(row, "n");
        });
    return counts;
}

} // namespace tracker::persistence
