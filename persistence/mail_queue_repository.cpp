#include "persistence/mail_queue_repository.h"

#include "persistence/row_values.h"

#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
constexpr const char* kInsertQueued =
    "INSERT INTO mail_queue (recipient, recipient_name, subject, body, language, "
    "unsubscribe_url, created_at) VALUES (:r, :n, :s, :b, :l, :u, :c)";
constexpr const char* kInsertOutboxRow =
    "INSERT INTO outbox (week, state, message_id, kind, recipient, reminder_key) VALUES "
    "(:w, 'pending', :m, 'message', :r, :k)";
constexpr const char* kSelectDue =
    "SELECT id, subscription_id, week, state, message_id, attempts, reminder_key FROM outbox "
    "WHERE kind = 'message' AND ((state = 'pending' AND next_attempt_at <= :n) OR (state = "
    "'sending' AND next_attempt_at < :n2)) ORDER BY id LIMIT 1000";
constexpr const char* kSelectQueued =
    "SELECT id, recipient, recipient_name, subject, body, language, unsubscribe_url FROM "
    "mail_queue WHERE id = :i";
constexpr const char* kCountTo =
    "SELECT COUNT(*) FROM mail_queue WHERE recipient = :r AND created_at >= :s";

constexpr std::string_view kKeyPrefix = "message-";

std::optional<QueuedMail> readQueued(soci::session& session, long long id)
{
    std::optional<QueuedMail> found;
    soci::rowset<soci::row> rows = (session.prepare << kSelectQueued, soci::use(id));
    for (const auto& row : rows)
    {
        QueuedMail mail;
        mail.id = integer(row, "id");
        mail.recipient = text(row, "recipient");
        mail.recipientName = text(row, "recipient_name");
        mail.subject = text(row, "subject");
        mail.body = text(row, "body");
        mail.language = text(row, "language");
        mail.unsubscribeUrl = text(row, "unsubscribe_url");
        found = std::move(mail);
    }
    return found;
}

OutboxEntry outboxRow(const soci::row& row)
{
    OutboxEntry entry;
    entry.id = integer(row, "id");
    entry.week = date(row, "week");
    entry.state = text(row, "state");
    entry.messageId = text(row, "message_id");
    entry.attempts = static_cast<int>(integer(row, "attempts"));
    return entry;
}
} // namespace

void enqueueMail(soci::session& session, const QueuedMail& mail, long long nowUnix,
                 const Date& today, const std::string& messageIdDomain)
{
    long long created = nowUnix;
    session << kInsertQueued, soci::use(mail.recipient), soci::use(mail.recipientName),
        soci::use(mail.subject), soci::use(mail.body), soci::use(mail.language),
        soci::use(mail.unsubscribeUrl), soci::use(created);
    long long id = 0;
    if (!session.get_last_insert_id("mail_queue", id))
        throw std::runtime_error("the queued message has no id");
    const std::string key = std::string(kKeyPrefix) + std::to_string(id);
    const std::string messageId = "<" + key + "@" + messageIdDomain + ">";
    const std::string day = today.iso();
    session << kInsertOutboxRow, soci::use(day), soci::use(messageId), soci::use(mail.recipient),
        soci::use(key);
}

void MailQueueRepository::enqueue(const QueuedMail& mail, long long nowUnix, const Date& today,
                                  const std::string& messageIdDomain)
{
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            enqueueMail(session, mail, nowUnix, today, messageIdDomain);
            transaction.commit();
        });
}

std::vector<std::pair<OutboxEntry, QueuedMail>> MailQueueRepository::due(long long nowUnix,
                                                                         std::size_t limit)
{
    std::vector<std::pair<OutboxEntry, QueuedMail>> list;
    _database.withSession(
        [&](soci::session& session)
        {
            list.clear();
            std::vector<std::pair<OutboxEntry, long long>> rows;
            long long now = nowUnix;
            soci::rowset<soci::row> found =
                (session.prepare << kSelectDue, soci::use(now), soci::use(now));
            for (const auto& row : found)
            {
                const std::string key = text(row, "reminder_key");
                if (rows.size() < limit && key.rfind(kKeyPrefix, 0) == 0)
                    rows.emplace_back(outboxRow(row), std::stoll(key.substr(kKeyPrefix.size())));
            }
            for (auto& [entry, id] : rows)
                if (auto mail = readQueued(session, id))
                    list.emplace_back(std::move(entry), std::move(*mail));
        });
    return list;
}

long long MailQueueRepository::countTo(const std::string& recipient, long long sinceUnix)
{
    long long count = 0;
    _database.withSession(
        [&](soci::session& session)
        {
            long long since = sinceUnix;
            session << kCountTo, soci::use(recipient), soci::use(since), soci::into(count);
        });
    return count;
}

} // namespace tracker::persistence
