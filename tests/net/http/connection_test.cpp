#include "support/running_server.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <memory>
#include <thread>
#include <vector>

using tracker::testing::RunningServer;

namespace
{
struct Answer
{
    int status = 0;
    std::string body;
    std::streamsize contentLength = 0;
};

Answer ask(Poco::Net::HTTPClientSession& session, const std::string& method,
           const std::string& path)
{
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& body = session.receiveResponse(response);
    Answer answer;
    answer.status = response.getStatus();
    answer.contentLength = response.getContentLength();
    Poco::StreamCopier::copyToString(body, answer.body);
    return answer;
}
} // namespace

TEST_CASE("one keep-alive connection carries many whole answers, HEAD included",
          "[net][connection]")
{
    RunningServer running;
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(running.port()));
    session.setKeepAlive(true);
    const auto list = ask(session, "GET", "/api/v1/clusters"); // about 54 KB
    REQUIRE(list.status == 200);
    CHECK(list.body.size() > 40000);
    CHECK(static_cast<std::streamsize>(list.body.size()) == list.contentLength);
    const auto head = ask(session, "HEAD", "/api/v1/clusters");
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(head.contentLength == list.contentLength);
    const auto missing = ask(session, "GET", "/clusters/khong-co"); // rendered, not cached
    CHECK(missing.status == 404);
    CHECK(static_cast<std::streamsize>(missing.body.size()) == missing.contentLength);
    const auto again = ask(session, "GET", "/api/v1/clusters");
    CHECK(again.body == list.body);
}

TEST_CASE("stopping the server does not wait for idle keep-alive clients", "[net][connection]")
{
    RunningServer running;
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(running.port()));
    session.setKeepAlive(true);
    REQUIRE(ask(session, "GET", "/healthz").status == 200);
    const auto start = std::chrono::steady_clock::now();
    running.server->stop();
    running.server.reset();
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK(took < std::chrono::seconds(3)); // the keep-alive timeout is 15 s
}

namespace
{
// Sends raw bytes on a fresh connection; what comes back before the server closes it.
std::string raw(int port, const std::string& bytes)
{
    Poco::Net::StreamSocket socket(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
    socket.setReceiveTimeout(Poco::Timespan(3, 0));
    socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
    std::string answer;
    char buffer[4096];
    try
    {
        for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;)
            answer.append(buffer, static_cast<std::size_t>(n));
    }
    catch (const Poco::Exception&)
    {
    }
    return answer;
}
} // namespace

TEST_CASE("ambiguous framing is a 400 and the connection closes", "[net][connection][security]")
{
    RunningServer running;
    const std::string post = "POST /api/v1/clusters/huu-bang/reports HTTP/1.1\r\nHost: x\r\n";
    const std::string next = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"; // a smuggled request
    for (const std::string& headers :
         {std::string("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"),
          std::string("Content-Length: 5\r\nContent-Length: 6\r\n"),
          std::string("Content-Length: +5\r\n"), std::string("Content-Length: 5x\r\n"),
          std::string("Transfer-Encoding: gzip, chunked\r\n"),
          std::string("Transfer-Encoding:\r\n chunked\r\n"), // obs-fold in the framing
          std::string("Content-Length:\r\n 5\r\n"),
          std::string("X-Note: a\0b\r\nContent-Length: 5\r\n", 32)})
    {
        INFO(headers);
        const auto answer = raw(running.port(), post + headers + "\r\nhello" + next);
        CHECK(answer.rfind("HTTP/1.1 400", 0) == 0);
        CHECK(answer.find("HTTP/1.1 200") == std::string::npos); // the second was never read
    }
    // An honest request still goes through, and keeps its connection.
    const auto fine = raw(running.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n" + next);
    CHECK(fine.rfind("HTTP/1.1 200", 0) == 0);
}

namespace
{
// Sends `head` a byte at a time, one every 200 ms, then (if `body`) one body byte every
// 200 ms, until the server closes the connection or 8 s pass. Returns the seconds until
// the server closed it (8 when it never did).
double drip(int port, const std::string& head, bool body)
{
    Poco::Net::StreamSocket socket(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
    const auto start = std::chrono::steady_clock::now();
    const auto seconds = [&]
    { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    std::string bytes = body ? head + std::string(1000, 'x') : head;
    try
    {
        for (std::size_t i = 0; i < bytes.size() && seconds() < 8; ++i)
        {
            socket.sendBytes(&bytes[i], 1);
            if (socket.poll(Poco::Timespan(0, 200'000), Poco::Net::Socket::SELECT_READ))
            {
                char c;
                if (socket.receiveBytes(&c, 1) <= 0)
                    return seconds(); // closed by the server
                return seconds();     // an answer: the server gave up on the request
            }
        }
    }
    catch (const Poco::Exception&)
    {
        return seconds();
    }
    return 8;
}
} // namespace

TEST_CASE("a client that drips its request cannot hold a thread past the request's deadline",
          "[net][connection][security]")
{
    // 8 threads: 6 serve connections, 2 stay free to answer "busy" when those 6 are taken.
    RunningServer running("demo",
                          [](tracker::net::ServerSettings& s)
                          {
                              s.maxThreads = 8;
                              s.headSeconds = 1;
                              s.bodySeconds = 1;
                          });
    const int port = running.port();
    std::vector<std::future<double>> drippers;
    for (int i = 0; i < 3; ++i)
    {
        drippers.push_back(std::async(
            std::launch::async, drip, port,
            "GET /clusters HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(200, 'a') + "\r\n\r\n",
            false));
        drippers.push_back(
            std::async(std::launch::async, drip, port,
                       "POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n", true));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // all six slots taken
    const auto asked = std::chrono::steady_clock::now();
    const auto busy = raw(port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    const double busyAfter =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count();
    CHECK(busy.rfind("HTTP/1.1 503", 0) == 0); // saturated: said at once, not queued or reset
    CHECK(busy.find("\"busy\"") != std::string::npos);
    CHECK(busyAfter < 1);
    int status = 0;
    while (status != 200 && std::chrono::steady_clock::now() - asked < std::chrono::seconds(6))
    {
        Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
        session.setTimeout(Poco::Timespan(6, 0));
        status = ask(session, "GET", "/healthz").status;
        if (status != 200)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    const double waited =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count();
    CHECK(status == 200);
    CHECK(waited < 4); // the drippers were cut at their deadlines (1 s head, 1 s + body)
    for (auto& dripper : drippers)
        CHECK(dripper.get() < 4);
}

TEST_CASE("one address past its share of connections gets a 503 at once", "[net][connection]")
{
    RunningServer running("demo",
                          [](tracker::net::ServerSettings& s) { s.connectionsPerAddress = 3; });
    const auto address =
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(running.port()));
    std::vector<std::unique_ptr<Poco::Net::HTTPClientSession>> held;
    for (int i = 0; i < 3; ++i)
    {
        held.push_back(std::make_unique<Poco::Net::HTTPClientSession>(address));
        held.back()->setKeepAlive(true);
        REQUIRE(ask(*held.back(), "GET", "/healthz").status == 200); // and stays open
    }
    const auto started = std::chrono::steady_clock::now();
    const auto fourth = raw(running.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    const double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(fourth.rfind("HTTP/1.1 503", 0) == 0);
    CHECK(fourth.find("Retry-After: 5") != std::string::npos);
    CHECK(took < 1);
    held.pop_back(); // one leaves: there is room again
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    Poco::Net::HTTPClientSession again(address);
    CHECK(ask(again, "GET", "/healthz").status == 200);
}
