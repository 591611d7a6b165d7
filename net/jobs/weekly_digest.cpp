#include "net/jobs/weekly_digest.h"

#include "net/jobs/smtp_session.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/mail_repository.h"

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

// One SMTP connection for the run, reopened after a failure.
class Smtp
{
public:
    explicit Smtp(const JobSettings& jobs) : _jobs(jobs) {}
    ~Smtp()
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
    void send(const Poco::Net::MailMessage& message,
              const std::function<void(const SmtpSession::FinalDot&)>& commit, bool& finalDotSent)
    {
        finalDotSent = false;
        if (!_session)
            open();
        try
        {
            _session->sendCommitted(message, commit, finalDotSent);
        }
        catch (...)
        {
            _session.reset(); // the next message starts a new connection
            throw;
        }
    }

private:
    void open() { _session = openSmtpSession(_jobs, kSmtpTimeoutSeconds); }

    const JobSettings& _jobs;
    std::unique_ptr<SmtpSession> _session;
};

std::string domainOf(const std::string& address)
{
    const auto at = address.rfind('@');
    return at == std::string::npos ? "localhost" : address.substr(at + 1);
}

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

// One run over every subscription, and what became of each.
class DigestRun
{
public:
    DigestRun(persistence::Database& database, const Clock& clock, const JobSettings& jobs,
              const DigestTemplates& templates)
        : _mail(database), _clock(clock), _jobs(jobs), _renderer(templates), _smtp(jobs),
          _week(digestWeek(clock.nowInHanoi(), jobs)),
          _flags(persistence::DelayFlagRepository(database).flagsTouchedSince(
              _week.plusDays(-kDigestWeekDays)))
    {
    }

    void deliver(const Subscription& s);
    std::string summary() const;
    bool unfinished() const { return _failed > 0 || _busy > 0; }

private:
    bool claim(const persistence::OutboxEntry& entry);
    void send(const Subscription& s, const persistence::OutboxEntry& entry,
              const DigestEmail& email);
    void retryLater(const persistence::OutboxEntry& entry, const std::string& error);

    persistence::MailRepository _mail;
    const Clock& _clock;
    const JobSettings& _jobs;
    DigestRenderer _renderer;
    Smtp _smtp;
    Date _week;
    std::vector<DelayFlag> _flags;
    int _sent = 0, _empty = 0, _failed = 0, _done = 0, _busy = 0, _rejected = 0, _unconfirmed = 0;
    std::string _lastError;
};

// False when the row needs nothing (done before) or someone else has it now.
bool DigestRun::claim(const persistence::OutboxEntry& entry)
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

void DigestRun::deliver(const Subscription& s)
{
    const auto entry = _mail.outboxEntry(s.id, _week, domainOf(_jobs.mailFrom));
    if (!claim(entry))
        return;
    const DigestSections sections = digestSections(s, _flags, _week);
    if (sections.empty())
    {
        _mail.markEmpty(entry.id);
        ++_empty;
        return;
    }
    send(s, entry, _renderer.compose(s, sections, _week, _jobs.publicBaseUrl));
}

void DigestRun::send(const Subscription& s, const persistence::OutboxEntry& entry,
                     const DigestEmail& email)
{
    bool finalDotSent = false;
    try
    {
        Poco::Net::MailMessage message;
        fillDigestMessage(message, email, s, entry, _jobs);
        _smtp.send(
            message,
            [&](const SmtpSession::FinalDot& writeDot)
            { _mail.markCommittedAround(entry.id, writeDot); },
            finalDotSent);
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

void DigestRun::retryLater(const persistence::OutboxEntry& entry, const std::string& error)
{
    _lastError = error;
    _mail.markFailed(entry.id, error, _clock.unixSeconds() + retryDelay(entry.attempts + 1));
    ++_failed;
}

std::string DigestRun::summary() const
{
    std::string text = "week " + _week.iso() + ": " + std::to_string(_sent) + " sent, " +
                       std::to_string(_empty) + " with nothing to report, " +
                       std::to_string(_failed) + " failed, " + std::to_string(_rejected) +
                       " refused for good, " + std::to_string(_unconfirmed) + " unconfirmed, " +
                       std::to_string(_done) + " already done, " + std::to_string(_busy) +
                       " left for later";
    if (_failed > 0)
        text += " (last error: " + _lastError + ")";
    return text;
}
} // namespace

Date digestWeek(const HanoiTime& now, const JobSettings& jobs)
{
    const std::string slot =
        weeklySlot(now, jobs.digestWeekday, jobs.digestHour, jobs.digestMinute);
    return *Date::parseIso(slot.substr(0, 10));
}

std::string runWeeklyDigest(persistence::Database& database, const Clock& clock,
                            const JobSettings& jobs, const DigestTemplates& templates,
                            const Progress& progress)
{
    DigestRun run(database, clock, jobs, templates);
    const auto subscriptions = persistence::MailRepository(database).activeSubscriptions();
    for (std::size_t i = 0; i < subscriptions.size(); ++i)
    {
        run.deliver(subscriptions[i]);
        if (progress && ((i + 1) % 500 == 0 || i + 1 == subscriptions.size()))
            progress("weekly digest: " + std::to_string(i + 1) + "/" +
                     std::to_string(subscriptions.size()) + " recipients");
    }
    // Unfinished: the slot stays open, so the scheduler runs the digest again and the
    // pending recipients get their email once their retry time has come.
    if (run.unfinished())
        throw std::runtime_error(run.summary());
    return run.summary();
}

} // namespace tracker::net
