#include "net/http/buffered_response.h"

#include <Poco/Exception.h>
#include <cerrno>
#include <cstring>
#include <sys/uio.h>

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
    auto copy = std::make_shared<std::string>(static_cast<const char*>(buffer), length);
    const char* data = copy->data();
    sendShared(std::move(copy), data, length);
}

void BufferedResponse::sendShared(std::shared_ptr<const void> owner, const char* data,
                                  std::size_t length)
{
    if (_sent)
        throw Poco::IllegalStateException("response already sent");
    _sent = true;
    setChunkedTransferEncoding(false);
    setContentLength(static_cast<std::streamsize>(length));
    _head = headerText(*this);
    if (!_headRequest)
    {
        _owner = std::move(owner);
        _bodyData = data;
        _bodyLength = length;
    }
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
        _bodyText = _body.str();
        setChunkedTransferEncoding(false);
        if (!_headRequest || !hasContentLength())
            setContentLength(static_cast<std::streamsize>(_bodyText.size()));
        _head = headerText(*this);
        if (!_headRequest)
        {
            _bodyData = _bodyText.data();
            _bodyLength = _bodyText.size();
        }
    }
    writeAll();
    return true;
}

void BufferedResponse::writeAll()
{
    iovec parts[2] = {{_head.data(), _head.size()}, {const_cast<char*>(_bodyData), _bodyLength}};
    iovec* next = parts;
    int count = _bodyLength > 0 ? 2 : 1;
    while (count > 0)
    {
        const ssize_t written = ::writev(_socket.impl()->sockfd(), next, count);
        if (written < 0)
        {
            if (errno == EINTR)
                continue;
            throw Poco::IOException("writing the response", std::strerror(errno));
        }
        auto left = static_cast<std::size_t>(written);
        while (count > 0 && left >= next->iov_len)
        {
            left -= next->iov_len;
            ++next;
            --count;
        }
        if (count > 0)
        {
            next->iov_base = static_cast<char*>(next->iov_base) + left;
            next->iov_len -= left;
        }
    }
}

} // namespace tracker::net
