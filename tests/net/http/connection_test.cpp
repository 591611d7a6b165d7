#include "support/running_server.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <catch2/catch.hpp>
#include <chrono>

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
