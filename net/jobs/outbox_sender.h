#pragma once

#include "net/jobs/job_settings.h"
#include "persistence/mail_repository.h"
#include "tracker/clock.h"

#include <memory>
#include <string>

namespace Poco::Net
{
class MailMessage;
}

namespace tracker::net
{

class SmtpSession;
class DkimSigner;

// Sends outbox rows exactly once, whatever they carry (a week's digest, a deadline
// reminder): a row is claimed before sending, marked committed in the instant the final dot
// goes, and sent after; a failure before the dot is retried later with backoff, a permanent
// refusal of the address is recorded and never retried, and no answer after the dot counts
// as perhaps delivered, so it is never sent again. One SMTP connection per run.
class OutboxSender
{
public:
    OutboxSender(persistence::Database& database, const Clock& clock, const JobSettings& jobs);
    ~OutboxSender();
    OutboxSender(const OutboxSender&) = delete;
    OutboxSender& operator=(const OutboxSender&) = delete;

    // False when the row needs nothing (done before) or someone else has it now.
    bool claim(const persistence::OutboxEntry& entry);
    // Adds what every message of the tracker carries (Auto-Submitted), signs it when DKIM is
    // configured, and refuses, until the configuration is fixed, while its links would reach
    // no reader (JobSettings::insecureBaseUrl): the row is retried later with that reason.
    void send(const persistence::OutboxEntry& entry, Poco::Net::MailMessage& message);
    void markEmpty(const persistence::OutboxEntry& entry);

    persistence::MailRepository& mail() { return _mail; }
    // The domain of the From address, for Message-IDs.
    std::string messageDomain() const;
    // "3 sent, 0 failed, …"; `empty` names what a row with nothing to send is.
    std::string summary(const std::string& empty) const;
    bool unfinished() const { return _failed > 0 || _busy > 0; }
    // Why a run sent nothing, in words ("" when it sent something): nobody to write to,
    // nothing to say, all sent before, or the server's or the configuration's failure.
    std::string whyNothingSent(int recipients, const std::string& empty) const;

private:
    void retryLater(const persistence::OutboxEntry& entry, const std::string& error);
    void open();

    persistence::MailRepository _mail;
    const Clock& _clock;
    const JobSettings& _jobs;
    std::unique_ptr<SmtpSession> _session;
    std::shared_ptr<const DkimSigner> _signer; // none without mail.dkim.domain
    int _sent = 0, _empty = 0, _failed = 0, _done = 0, _busy = 0, _rejected = 0, _unconfirmed = 0;
    std::string _lastError;
};

} // namespace tracker::net
