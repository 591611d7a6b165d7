#include "net/jobs/smtp_session.h"

#include "net/jobs/dkim_signer.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/MailStream.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/X509Certificate.h>
#include <mutex>
#include <sstream>
#include <stdexcept>

namespace tracker::net
{
namespace
{
Poco::Net::Context::Ptr clientContext(const std::string& caFile)
{
    static std::once_flag initialised;
    std::call_once(initialised, [] { Poco::Net::initializeSSL(); });
    // VERIFY_RELAXED on a client: the server's chain must verify against the CAs.
    return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", caFile,
                                  Poco::Net::Context::VERIFY_RELAXED, 9, caFile.empty());
}

void authenticate(Poco::Net::SMTPClientSession& session, const JobSettings& jobs)
{
    if (jobs.smtpUser.empty())
        session.login();
    else
        session.login(jobs.smtpAuthMethod == "login" ? Poco::Net::SMTPClientSession::AUTH_LOGIN
                                                     : Poco::Net::SMTPClientSession::AUTH_PLAIN,
                      jobs.smtpUser, jobs.smtpPassword);
}
// "Name <a@b>" or "a@b" → "a@b", as MAIL FROM and RCPT TO want it.
std::string addressOf(const std::string& field)
{
    const auto open = field.rfind('<');
    const auto close = field.rfind('>');
    if (open == std::string::npos || close == std::string::npos || close < open)
        return field;
    return field.substr(open + 1, close - open - 1);
}
} // namespace

void SmtpSession::sendCommitted(const Poco::Net::MailMessage& message,
                                const std::function<void(const FinalDot&)>& commit,
                                bool& finalDotSent, const DkimSigner* signer)
{
    finalDotSent = false;
    Recipients recipients;
    for (const auto& recipient : message.recipients())
        recipients.push_back(recipient.getAddress());
    sendAddresses(addressOf(message.getSender()), recipients);
    sendData();
    // The text as Poco would send it (dot-stuffed), which its close() ends with ".\r\n";
    // signed before the stuffing, as the receiver checks it after undoing it.
    std::ostringstream text;
    {
        Poco::Net::MailOutputStream stuffed(text);
        if (signer)
        {
            std::ostringstream plain;
            message.write(plain);
            stuffed << signer->sign(plain.str());
        }
        else
            message.write(stuffed);
        stuffed.close();
    }
    const std::string data = text.str();
    const std::string finalDot = ".\r\n";
    if (data.size() < finalDot.size() ||
        data.compare(data.size() - finalDot.size(), finalDot.size(), finalDot) != 0)
        throw std::logic_error("the message does not end with the final dot");
    Poco::Net::SocketOutputStream out(socket());
    out.write(data.data(), static_cast<std::streamsize>(data.size() - finalDot.size()));
    out.flush();
    if (!out)
        throw Poco::Net::SMTPException("the connection failed while sending the message");
    commit(
        [&]
        {
            // A dot the kernel refused (the server already closed the connection) never
            // reached the server: the message was not delivered and may be sent again.
            // Only a dot handed over leaves the outcome unknown.
            out << finalDot;
            out.flush();
            if (!out)
                throw Poco::Net::SMTPException("the connection failed before the final dot");
            finalDotSent = true;
        });
    std::string response;
    const int status = socket().receiveStatusMessage(response);
    if (!isPositiveCompletion(status))
        throw Poco::Net::SMTPException("The server rejected the message", response, status);
}

std::unique_ptr<SmtpSession> openSmtpSession(const JobSettings& jobs, int timeoutSeconds)
{
    const Poco::Timespan timeout(timeoutSeconds, 0);
    Poco::Net::StreamSocket socket;
    socket.connect(
        Poco::Net::SocketAddress(jobs.smtpHost, static_cast<Poco::UInt16>(jobs.smtpPort)), timeout);
    // SMTP is a conversation of small writes: with Nagle's algorithm each one waited for
    // the server's delayed ACK, 40 ms a message (measured: 10,000 digests took 7 min).
    socket.setNoDelay(true);
    auto session = std::make_unique<SmtpSession>(socket);
    if (!jobs.smtpStartTls)
    {
        session->setTimeout(timeout);
        authenticate(*session, jobs);
        return session;
    }
    session->setTimeout(timeout);
    session->login(); // EHLO, to learn whether STARTTLS is offered
    if (!session->startTLS(clientContext(jobs.smtpCaFile)))
        throw std::runtime_error("the mail server refused STARTTLS");
    const Poco::Net::SecureStreamSocket secure(session->connection());
    if (!secure.peerCertificate().verify(jobs.smtpHost))
        throw std::runtime_error("the mail server's certificate is not for " + jobs.smtpHost);
    authenticate(*session, jobs); // EHLO again, now encrypted, then AUTH
    return session;
}

} // namespace tracker::net
