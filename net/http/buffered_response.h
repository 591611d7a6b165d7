#pragma once

#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <memory>
#include <sstream>

namespace tracker::net
{

// A response that collects its header and body and sends them in one write when the
// handler is done. Poco's own response streams everything in 4 KB writes (strace: a 54 KB
// answer took 14 sendto calls); this takes one, which is most of what a cached page costs.
// Every answer of this server is built in memory anyway, so nothing is lost by buffering.
class BufferedResponse : public Poco::Net::HTTPServerResponse
{
public:
    BufferedResponse(Poco::Net::StreamSocket& socket, bool headRequest)
        : _socket(socket), _headRequest(headRequest)
    {
    }

    void sendContinue() override;
    std::ostream& send() override;
    void sendFile(const std::string& path, const std::string& mediaType) override;
    void sendBuffer(const void* buffer, std::size_t length) override; // copies the buffer
    // Sends bytes that `owner` keeps alive, without copying them (cached answers).
    void sendShared(std::shared_ptr<const void> owner, const char* data, std::size_t length);
    void redirect(const std::string& uri, HTTPStatus status = HTTP_FOUND) override;
    void requireAuthentication(const std::string& realm) override;
    bool sent() const override { return _sent; }

    // Writes what the handler produced; false when it produced nothing.
    bool finish();

private:
    // Header and body in one writev, without copying the body; loops on partial writes.
    void writeAll();

    Poco::Net::StreamSocket& _socket;
    bool _headRequest;
    bool _sent = false;
    bool _streamed = false; // send() was used: the body is in _body
    std::ostringstream _body;
    std::string _head;                  // status line and headers
    std::string _bodyText;              // the body, when the handler streamed it
    std::shared_ptr<const void> _owner; // keeps a shared body alive until it is written
    const char* _bodyData = nullptr;    // the body as it goes out
    std::size_t _bodyLength = 0;
};

} // namespace tracker::net
