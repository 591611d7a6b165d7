#pragma once

#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/StreamSocket.h>
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
    void sendBuffer(const void* buffer, std::size_t length) override;
    void redirect(const std::string& uri, HTTPStatus status = HTTP_FOUND) override;
    void requireAuthentication(const std::string& realm) override;
    bool sent() const override { return _sent; }

    // Writes what the handler produced; false when it produced nothing.
    bool finish();

private:
    Poco::Net::StreamSocket& _socket;
    bool _headRequest;
    bool _sent = false;
    bool _streamed = false; // send() was used: the body is in _body
    std::ostringstream _body;
    std::string _wire; // header and body as they go out
};

} // namespace tracker::net
