#include "net/smtp_session.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/X509Certificate.h>
#include <mutex>
#include <stdexcept>

namespace tracker::net
{
namespace
{
// SMTPClientSession keeps its socket protected; after STARTTLS the certificate is on it.
class StartTlsSession : public Poco::Net::SecureSMTPClientSession
{
public:
    using SecureSMTPClientSession::SecureSMTPClientSession;
    Poco::Net::StreamSocket& connection() { return socket(); }
};

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
        session.login(Poco::Net::SMTPClientSession::AUTH_LOGIN, jobs.smtpUser, jobs.smtpPassword);
}
} // namespace

std::unique_ptr<Poco::Net::SMTPClientSession> openSmtpSession(const JobSettings& jobs,
                                                              int timeoutSeconds)
{
    const Poco::Timespan timeout(timeoutSeconds, 0);
    Poco::Net::StreamSocket socket;
    socket.connect(
        Poco::Net::SocketAddress(jobs.smtpHost, static_cast<Poco::UInt16>(jobs.smtpPort)), timeout);
    // SMTP is a conversation of small writes: with Nagle's algorithm each one waited for
    // the server's delayed ACK, 40 ms a message (measured: 10,000 digests took 7 min).
    socket.setNoDelay(true);
    if (!jobs.smtpStartTls)
    {
        auto session = std::make_unique<Poco::Net::SMTPClientSession>(socket);
        session->setTimeout(timeout);
        authenticate(*session, jobs);
        return session;
    }
    auto session = std::make_unique<StartTlsSession>(socket);
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
