#include "net/buffered_response.h"

#include <Poco/Exception.h>

namespace tracker::net
{
namespace
{
std::string headerText(const Poco::Net::HTTPResponse& response)
{
    std::ostringstream head;
    response.write(head);
    return head.str();
}
} // namespace

void BufferedResponse::sendContinue()
{
    const std::string line = "HTTP/1.1 100 Continue\r\n\r\n";
    _socket.sendBytes(line.data(), static_cast<int>(line.size()));
}

std::ostream& BufferedResponse::send()
{
    if (_sent)
        throw Poco::IllegalStateException("response already sent");
    _sent = true;
    _streamed = true;
    return _body;
}

void BufferedResponse::sendFile(const std::string&, const std::string&)
{
    throw Poco::NotImplementedException("sendFile: every answer is built in memory");
}

void BufferedResponse::sendBuffer(const void* buffer, std::size_t length)
{
    if (_sent)
        throw Poco::IllegalStateException("response already sent");
    _sent = true;
    setChunkedTransferEncoding(false);
    setContentLength(static_cast<std::streamsize>(length));
    _wire = headerText(*this);
    if (!_headRequest)
        _wire.append(static_cast<const char*>(buffer), length);
}

void BufferedResponse::redirect(const std::string& uri, HTTPStatus status)
{
    setStatusAndReason(status);
    set("Location", uri);
    sendBuffer("", 0);
}

void BufferedResponse::requireAuthentication(const std::string& realm)
{
    setStatusAndReason(HTTP_UNAUTHORIZED);
    set("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
    sendBuffer("", 0);
}

bool BufferedResponse::finish()
{
    if (!_sent)
        return false;
    if (_streamed)
    {
        const std::string body = _body.str();
        setChunkedTransferEncoding(false);
        if (!_headRequest || !hasContentLength())
            setContentLength(static_cast<std::streamsize>(body.size()));
        _wire = headerText(*this);
        if (!_headRequest)
            _wire += body;
    }
    _socket.sendBytes(_wire.data(), static_cast<int>(_wire.size())); // loops until all sent
    return true;
}

} // namespace tracker::net
