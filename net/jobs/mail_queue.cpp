#include "net/jobs/mail_queue.h"

#include "net/jobs/outbox_sender.h"
#include "persistence/mail_queue_repository.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/StringPartSource.h>

namespace tracker::net
{
namespace
{
constexpr std::size_t kBatch = 500; // per run; the rest wait for the next one

void fillMessage(Poco::Net::MailMessage& m, const persistence::QueuedMail& mail,
                 const persistence::OutboxEntry& entry, const JobSettings& jobs)
{
    using Poco::Net::MailMessage;
    m.addRecipient(Poco::Net::MailRecipient(
        Poco::Net::MailRecipient::PRIMARY_RECIPIENT, mail.recipient,
        mail.recipientName.empty() ? "" : MailMessage::encodeWord(mail.recipientName, "UTF-8")));
    m.setSubject(MailMessage::encodeWord(mail.subject, "UTF-8"));
    m.set("Message-ID", entry.messageId);
    m.set("Content-Language", mail.language);
    m.set("Auto-Submitted", "auto-generated");
    if (!mail.unsubscribeUrl.empty())
    {
        m.set("List-Unsubscribe", "<" + mail.unsubscribeUrl + ">");
        m.set("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        m.set("List-Id", jobs.listId("alerts", "Thông báo cụm công nghiệp Hà Nội"));
    }
    m.addContent(new Poco::Net::StringPartSource(mail.body, "text/plain; charset=utf-8"),
                 MailMessage::ENCODING_QUOTED_PRINTABLE);
}
} // namespace

std::string runMailQueue(persistence::Database& database, const Clock& clock,
                         const JobSettings& jobs, const Progress& progress)
{
    OutboxSender sender(database, clock, jobs);
    const auto due = persistence::MailQueueRepository(database).due(clock.unixSeconds(), kBatch);
    for (const auto& [entry, mail] : due)
    {
        if (!sender.claim(entry))
            continue;
        Poco::Net::MailMessage message;
        fillMessage(message, mail, entry, jobs);
        sender.send(entry, message);
    }
    const std::string summary =
        "mail queue: " + std::to_string(due.size()) + " due, " + sender.summary("empty");
    if (progress)
        progress(summary);
    if (sender.unfinished())
        throw std::runtime_error(summary);
    return summary;
}

} // namespace tracker::net
