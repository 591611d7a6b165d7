#pragma once

#include "net/jobs/job_settings.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <functional>
#include <memory>

namespace tracker::net
{

// A logged-in session with the configured mail server: plain, or upgraded with STARTTLS
// (the server's certificate checked against smtp.caFile or the system's CAs, and its name
// against smtp.host) before AUTH (PLAIN or LOGIN) sends the password.
class DkimSigner;

class SmtpSession : public Poco::Net::SecureSMTPClientSession
{
public:
    using SecureSMTPClientSession::SecureSMTPClientSession;

    // Sends the message in two steps so that a crash can never deliver it twice: the
    // envelope and the whole text go first; then `commit` runs with the function that writes
    // the final "." which makes the server accept the message; the caller records that the
    // message is committed and writes the dot in the same instant. A server never delivers a
    // message whose final dot it did not get, so a crash before the record leaves nothing
    // delivered and the message can be sent again. `finalDotSent` says afterwards whether a
    // failure came after the dot was handed to the network (then whether the server took the
    // message is unknown); a dot the broken connection refused counts as not sent.
    // With a `signer`, the message goes with its DKIM signature.
    using FinalDot = std::function<void()>;
    void sendCommitted(const Poco::Net::MailMessage& message,
                       const std::function<void(const FinalDot&)>& commit, bool& finalDotSent,
                       const DkimSigner* signer = nullptr);
    Poco::Net::StreamSocket& connection() { return socket(); }
};

// Throws when the server cannot be reached, refuses STARTTLS, or presents a certificate
// that does not check out.
std::unique_ptr<SmtpSession> openSmtpSession(const JobSettings& jobs, int timeoutSeconds);

} // namespace tracker::net
