// The two-step send against a scripted SMTP server: the final dot goes out only when the
// caller says so, and a dot that cannot be written (the server has already dropped the
// connection) is reported as not sent, so that the message is retried rather than lost.
#include "net/jobs/smtp_session.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

using namespace tracker::net;

namespace
{
// Answers one client as a mail server would, up to the message text; then either waits for
// the final dot and accepts, or drops the connection (RST) before the dot.
class ScriptedSmtpServer
{
public:
    explicit ScriptedSmtpServer(bool dropBeforeDot)
        : _server(Poco::Net::SocketAddress("127.0.0.1", 0)),
          _thread([this, dropBeforeDot] { serve(dropBeforeDot); })
    {
    }
    ~ScriptedSmtpServer() { _thread.join(); }
    int port() const { return _server.address().port(); }
    bool dropped() const { return _dropped; }
    bool gotDot() const { return _gotDot; }

private:
    std::string line(Poco::Net::StreamSocket& socket)
    {
        std::string text;
        char c = 0;
        while (socket.receiveBytes(&c, 1) == 1 && c != '\n')
            text += c;
        return text;
    }
    void serve(bool dropBeforeDot)
    {
        auto socket = _server.acceptConnection();
        socket.setReceiveTimeout(Poco::Timespan(5, 0));
        socket.sendBytes("220 scripted\r\n", 14);
        for (std::string command = line(socket); !command.empty(); command = line(socket))
        {
            if (command.rfind("DATA", 0) == 0)
                break;
            socket.sendBytes("250 ok\r\n", 8);
        }
        socket.sendBytes("354 go on\r\n", 11);
        // The text arrives; the client then holds the dot back until it has recorded the send.
        socket.setReceiveTimeout(Poco::Timespan(0, 300'000));
        std::string text;
        char buffer[4096];
        try
        {
            for (int n = 0; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;)
            {
                text.append(buffer, static_cast<std::size_t>(n));
                if (text.size() >= 5 && text.compare(text.size() - 5, 5, "\r\n.\r\n") == 0)
                    break;
            }
        }
        catch (const Poco::TimeoutException&)
        {
        }
        if (dropBeforeDot)
        {
            socket.setLinger(true, 0); // a reset, as a crashed or impatient server sends
            socket.close();
            _dropped = true;
            return;
        }
        _gotDot = text.size() >= 5 && text.compare(text.size() - 5, 5, "\r\n.\r\n") == 0;
        if (!_gotDot)
        {
            socket.setReceiveTimeout(Poco::Timespan(5, 0));
            _gotDot = line(socket) == ".\r";
        }
        socket.sendBytes("250 queued\r\n", 12);
        line(socket); // QUIT, or the end of the connection
    }

    Poco::Net::ServerSocket _server;
    std::atomic<bool> _dropped{false};
    std::atomic<bool> _gotDot{false};
    std::thread _thread;
};

JobSettings settingsFor(int port)
{
    JobSettings jobs;
    jobs.smtpHost = "127.0.0.1";
    jobs.smtpPort = port;
    jobs.allowInsecureBaseUrl = true; // the links point at a test server on loopback
    return jobs;
}

void fill(Poco::Net::MailMessage& message)
{
    message.setSender("tracker@example.vn");
    message.addRecipient(
        Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, "an@example.vn"));
    message.setSubject("thử");
    message.setContent("Nội dung\r\n.dòng bắt đầu bằng dấu chấm\r\n");
}
} // namespace

TEST_CASE("the final dot goes out only inside the caller's commit step", "[net][mail]")
{
    ScriptedSmtpServer server(false);
    auto session = openSmtpSession(settingsFor(server.port()), 5);
    Poco::Net::MailMessage message;
    fill(message);
    bool finalDotSent = false, dotBeforeCommit = true;
    session->sendCommitted(
        message,
        [&](const SmtpSession::FinalDot& writeDot)
        {
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
            dotBeforeCommit = server.gotDot(); // the server has the text, but no dot yet
            writeDot();
        },
        finalDotSent);
    CHECK_FALSE(dotBeforeCommit);
    CHECK(finalDotSent);
    session.reset();
    CHECK(server.gotDot());
}

TEST_CASE("a dot the dropped connection refused is reported as not sent", "[net][mail]")
{
    ScriptedSmtpServer server(true);
    auto session = openSmtpSession(settingsFor(server.port()), 5);
    Poco::Net::MailMessage message;
    fill(message);
    bool finalDotSent = true;
    CHECK_THROWS_AS(session->sendCommitted(
                        message,
                        [&](const SmtpSession::FinalDot& writeDot)
                        {
                            for (int i = 0; i < 100 && !server.dropped(); ++i)
                                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                            std::this_thread::sleep_for(std::chrono::milliseconds(100));
                            writeDot();
                        },
                        finalDotSent),
                    Poco::Net::SMTPException);
    CHECK(server.dropped());
    CHECK_FALSE(finalDotSent); // not delivered: the digest sends it again
}
