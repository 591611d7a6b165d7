#include "net/jobs/outbox_sender.h"

#include "net/jobs/dkim_signer.h"
#include "net/jobs/smtp_session.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/NetException.h>
#include <algorithm>

namespace tracker::net
{
namespace
{
constexpr int kFirstRetrySeconds = 60;
constexpr int kLongestRetrySeconds = 3600;
constexpr int kSmtpTimeoutSeconds = 20;

// 5xx to RCPT TO (or to the message itself): the server will never take it. A 5xx to MAIL FROM or
// DATA (e.g. 530, STARTTLS required) is the tracker's configuration and is retried.
bool refusedForGood(const Poco::Net::SMTPException& error)
{
    return error.code() >= 500 && error.code() < 600 &&
           (error.message().rfind("Recipient rejected", 0) == 0 ||
            error.message().rfind("The server rejected the message", 0) == 0);
}

long long retryDelay(int attempts)
{
    long long delay = kFirstRetrySeconds;
    for (int i = 1; i < attempts && delay < kLongestRetrySeconds; ++i)
        delay *= 2;
    return std::min<long long>(delay, kLongestRetrySeconds);
}
} // namespace

OutboxSender::OutboxSender(persistence::Database& database, const Clock& clock,
                           const JobSettings& jobs)
    : _mail(database), _clock(clock), _jobs(jobs),
      _signer(dkimSignerFromFiles(jobs.dkimDomain, jobs.dkimSelector, jobs.dkimKeyFile))
{
}

OutboxSender::~OutboxSender()
{
    try
    {
        if (_session)
            _session->close();
    }
    catch (const Poco::Exception&)
    {
    }
}

void OutboxSender::open()
{
    _session = openSmtpSession(_jobs, kSmtpTimeoutSeconds);
}

std::string OutboxSender::messageDomain() const
{
    return _jobs.messageDomain();
}

bool OutboxSender::claim(const persistence::OutboxEntry& entry)
{
    if (entry.state == "sent" || entry.state == "empty" || entry.state == "rejected" ||
        entry.state == "committed")
    {
        ++_done;
        return false;
    }
    if (!_mail.claimForSending(entry.id, _clock.unixSeconds(), _jobs.leaseSeconds))
    {
        ++_busy; // another instance is sending it, or it waits for its retry time
        return false;
    }
    return true;
}

void OutboxSender::markEmpty(const persistence::OutboxEntry& entry)
{
    _mail.markEmpty(entry.id);
    ++_empty;
}

void OutboxSender::send(const persistence::OutboxEntry& entry, Poco::Net::MailMessage& message)
{
    bool finalDotSent = false;
    if (const auto problem = _jobs.insecureBaseUrl(); !problem.empty())
        return retryLater(entry, problem);
    message.set("Auto-Submitted", "auto-generated"); // RFC 3834: no auto-replies to it
    message.setSender(_jobs.fromHeader());
    try
    {
        if (!_session)
            open();
        try
        {
            _session->sendCommitted(
                message,
                [&](const SmtpSession::FinalDot& writeDot)
                { _mail.markCommittedAround(entry.id, writeDot); },
                finalDotSent, _signer.get());
        }
        catch (...)
        {
            _session.reset(); // the next message starts a new connection
            throw;
        }
        _mail.markSent(entry.id, _clock.nowRfc3339());
        ++_sent;
    }
    catch (const Poco::Net::SMTPException& error)
    {
        // The server answered no. A permanent refusal of the address (550 user unknown…)
        // would fail the same way every run: record it and go on.
        if (!refusedForGood(error))
            return retryLater(entry, error.displayText());
        _mail.markRejected(entry.id, error.displayText());
        ++_rejected;
    }
    catch (const std::exception& error)
    {
        // Poco's what() is only the exception's name ("File not found"); say what.
        const auto* poco = dynamic_cast<const Poco::Exception*>(&error);
        if (!finalDotSent)
            return retryLater(entry, poco ? poco->displayText() : error.what());
        ++_unconfirmed; // no answer after the dot: maybe delivered, so never again
    }
}

void OutboxSender::retryLater(const persistence::OutboxEntry& entry, const std::string& error)
{
    _lastError = error;
    _mail.markFailed(entry.id, error, _clock.unixSeconds() + retryDelay(entry.attempts + 1));
    ++_failed;
}

std::string OutboxSender::whyNothingSent(int recipients, const std::string& empty) const
{
    if (_sent > 0)
        return {};
    if (recipients == 0)
        return "nothing sent: no confirmed subscription";
    if (_failed > 0)
        return "nothing sent: every attempt failed (the last error says why)";
    if (_done > 0 && _empty + _busy + _rejected + _unconfirmed == 0)
        return "nothing sent: every recipient's email was sent before";
    if (_empty > 0 && _busy == 0)
        return "nothing sent: every recipient's is " + empty;
    return "nothing sent yet: another instance holds the rest";
}

std::string OutboxSender::summary(const std::string& empty) const
{
    std::string text = std::to_string(_sent) + " sent, " + std::to_string(_empty) + " " + empty +
                       ", " + std::to_string(_failed) + " failed, " + std::to_string(_rejected) +
                       " refused for good, " + std::to_string(_unconfirmed) + " unconfirmed, " +
                       std::to_string(_done) + " already done, " + std::to_string(_busy) +
                       " left for later";
    if (_failed > 0)
        text += " (last error: " + _lastError + ")";
    return text;
}

} // namespace tracker::net
