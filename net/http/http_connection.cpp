#include "net/http/http_connection.h"

#include "net/http/buffered_response.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/String.h>
#include <memory>

namespace tracker::net
{
namespace
{
using Poco::Net::HTTPResponse;

// A request whose length two parties could read differently: answered 400 and the
// connection closed, since the next request's start cannot be trusted either.
struct AmbiguousFraming
{
};

// Poco's session, with a wait for the next request's first byte: peek() fills the session's
// buffer (under the socket's receive timeout) without the poll() that Poco 1.11 builds an
// epoll instance for.
class ServerSession : public Poco::Net::HTTPServerSession
{
public:
    using HTTPServerSession::HTTPServerSession;
    bool nextRequestStarted() { return peek() != std::char_traits<char>::eof(); }
};

bool allDigits(const std::string& text)
{
    return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// Refuses what lets a proxy and this server disagree on where a body ends (request
// smuggling): Content-Length with Transfer-Encoding, two Content-Lengths, a signed or
// spaced length, a transfer coding other than plain "chunked", and NUL in any header.
void refuseAmbiguousFraming(const Poco::Net::HTTPServerRequest& request)
{
    int lengths = 0, codings = 0;
    for (const auto& [name, value] : request)
    {
        if (name.find('\0') != std::string::npos || value.find('\0') != std::string::npos)
            throw AmbiguousFraming{};
        if (Poco::icompare(name, "Content-Length") == 0)
        {
            ++lengths;
            if (!allDigits(value))
                throw AmbiguousFraming{};
        }
        else if (Poco::icompare(name, "Transfer-Encoding") == 0)
        {
            ++codings;
            if (Poco::icompare(value, "chunked") != 0)
                throw AmbiguousFraming{};
        }
    }
    if (lengths > 1 || codings > 1 || (lengths > 0 && codings > 0))
        throw AmbiguousFraming{};
}

// Serves one keep-alive connection as Poco's HTTPServerConnection does, with one
// difference: it waits for the next request with a read under the keep-alive timeout, not
// with Socket::poll, which in Poco 1.11 creates and closes an epoll instance on every call,
// and its answers go out in one write (BufferedResponse). strace counted 9 system calls per
// cached 7 KB page with Poco's loop and 4 with this one.
class KeepAliveConnection : public Poco::Net::TCPServerConnection
{
public:
    using Clock = KeepAliveConnectionFactory::Clock;

    KeepAliveConnection(const Poco::Net::StreamSocket& socket,
                        Poco::Net::HTTPServerParams::Ptr params,
                        Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
                        KeepAliveConnectionFactory& factory)
        : TCPServerConnection(socket), _params(std::move(params)), _handlers(std::move(handlers)),
          _factory(factory)
    {
    }

    void run() override
    {
        const auto entry = _factory.enter(socket());
        if (entry == KeepAliveConnectionFactory::Entry::TooManyFromAddress)
            return refuse(tooManyFromAddress());
        if (entry == KeepAliveConnectionFactory::Entry::Saturated)
            return refuse(saturated());
        if (entry != KeepAliveConnectionFactory::Entry::Admitted)
            return;
        try
        {
            serve();
        }
        catch (...)
        {
            _factory.leave(socket());
            throw; // TCPServerConnection logs it through the error handler
        }
        _factory.leave(socket());
    }

private:
    void serve()
    {
        ServerSession session(socket(), _params);
        socket().setReceiveTimeout(_params->getKeepAliveTimeout());
        socket().setNoDelay(true); // each answer is one write: nothing to coalesce
        int left = _params->getMaxKeepAliveRequests(); // 0 or less: no limit
        bool keepAlive = true;
        while (keepAlive)
        {
            try
            {
                // Idle until the next request's first byte (up to the keep-alive timeout);
                // from there the request runs against its deadline.
                if (!session.nextRequestStarted())
                    return;
                _factory.arm(socket(), Clock::now() + _factory.deadlines().head);
                keepAlive = serveOne(session) && (left <= 0 || --left > 0);
                _factory.disarm(socket());
            }
            catch (const Poco::Net::NoMessageException&)
            {
                return; // the client closed the connection between requests
            }
            catch (const Poco::TimeoutException&)
            {
                return; // idle for the keep-alive timeout
            }
            catch (const Poco::Net::MessageException&)
            {
                sendError(session, HTTPResponse::HTTP_BAD_REQUEST);
                return;
            }
            catch (const AmbiguousFraming&)
            {
                sendError(session, HTTPResponse::HTTP_BAD_REQUEST);
                return;
            }
            catch (const Poco::SyntaxException&) // a Content-Length that is not a number
            {
                sendError(session, HTTPResponse::HTTP_BAD_REQUEST);
                return;
            }
        }
    }

    bool serveOne(Poco::Net::HTTPServerSession& session)
    {
        Poco::Net::HTTPServerResponseImpl unused(session); // the request's constructor wants one
        Poco::Net::HTTPServerRequestImpl request(unused, session, _params);
        refuseAmbiguousFraming(request);
        armForBody(request);
        // A read waits its turn at the gate, through its answer's last byte; a write goes on.
        const bool reads = request.getMethod() == "GET" || request.getMethod() == "HEAD";
        const auto turn = reads ? _factory.enterRead() : ReadGate::Slot();
        BufferedResponse response(socket(), request.getMethod() == "HEAD");
        response.setDate(Poco::Timestamp());
        response.setVersion(request.getVersion());
        response.setKeepAlive(_params->getKeepAlive() && request.getKeepAlive());
        std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(
            _handlers->createRequestHandler(request));
        // No "100 Continue" here: a route that wants the body sends it (BoundedBody), so a
        // client that waits for it sends nothing to a route that refuses it unread.
        handler->handleRequest(request, response);
        if (!response.finish())
            return false;
        // A body the handler did not read would be taken for the next request. A small rest
        // is read and dropped; past that the connection ends, rather than read a gigabyte.
        const bool hasBody = request.getContentLength() > 0 || request.getChunkedTransferEncoding();
        if (hasBody && !drained(request.stream()))
        {
            lingeringClose();
            return false;
        }
        return _params->getKeepAlive() && response.getKeepAlive();
    }

    // One address holds its share of connections already, or every serving slot is taken:
    // a 503 at once and the close, rather than a thread kept for it (or, past the queue, a
    // reset).
    static std::string busyAnswer(const std::string& code, const std::string& message)
    {
        const std::string body = "{\"error\":{\"status\":503,\"code\":\"" + code +
                                 "\",\"message\":\"" + message + "\"}}";
        return "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nConnection: close\r\n"
               "Content-Type: application/json; charset=utf-8\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\n\r\n" + body;
    }

    static const std::string& tooManyFromAddress()
    {
        static const std::string answer =
            busyAnswer("too_many_connections", "Qu\\u00e1 nhi\\u1ec1u k\\u1ebft n\\u1ed1i t\\u1eeb "
                                               "\\u0111\\u1ecba ch\\u1ec9 n\\u00e0y. "
                                               "Too many connections from this address.");
        return answer;
    }

    static const std::string& saturated()
    {
        static const std::string answer = busyAnswer(
            "busy", "M\\u00e1y ch\\u1ee7 \\u0111ang qu\\u00e1 t\\u1ea3i, xin th\\u1eed l\\u1ea1i "
                    "sau \\u00edt gi\\u00e2y. The server is busy: try again in a few seconds.");
        return answer;
    }

    void refuse(const std::string& answer)
    {
        try
        {
            socket().sendBytes(answer.data(), static_cast<int>(answer.size()));
            socket().shutdownSend();
        }
        catch (const Poco::Exception&)
        {
        }
    }

    // The headers are in: the rest of the request (body and answer) gets its own time.
    void armForBody(const Poco::Net::HTTPServerRequest& request)
    {
        const auto& limits = _factory.deadlines();
        auto allowed = std::chrono::duration_cast<std::chrono::seconds>(limits.body);
        if (request.getChunkedTransferEncoding())
            allowed += limits.chunkedBody;
        else if (request.getContentLength() > 0)
            allowed += std::chrono::seconds(static_cast<std::size_t>(request.getContentLength()) /
                                            limits.bodyBytesPerSecond);
        _factory.arm(socket(), Clock::now() + allowed);
    }

    // Reads what is left of a body, up to kDrainBytes; true when it ended within them.
    static bool drained(std::istream& body)
    {
        constexpr std::streamsize kDrainBytes = 64 * 1024;
        body.ignore(kDrainBytes);
        return body.eof() || body.peek() == std::char_traits<char>::eof();
    }

    // Closes after an answer given before the body was read: the sending side first, then
    // a second at most of the client's bytes dropped, so that the close does not reset the
    // connection (and lose the answer) while the client is still sending.
    void lingeringClose()
    {
        try
        {
            socket().shutdownSend();
            socket().setReceiveTimeout(Poco::Timespan(0, 100'000));
            char sink[16 * 1024];
            const auto until = Poco::Timestamp() + Poco::Timespan(1, 0);
            while (Poco::Timestamp() < until && socket().receiveBytes(sink, sizeof sink) > 0)
            {
            }
        }
        catch (const Poco::Exception&)
        {
            // timed out or reset: the answer has gone, nothing more to do
        }
    }

    static void sendError(Poco::Net::HTTPServerSession& session, HTTPResponse::HTTPStatus status)
    {
        try
        {
            Poco::Net::HTTPServerResponseImpl response(session);
            response.setVersion(HTTPResponse::HTTP_1_1);
            response.setStatusAndReason(status);
            response.setKeepAlive(false);
            response.send();
        }
        catch (const Poco::Exception&)
        {
        }
    }

    Poco::Net::HTTPServerParams::Ptr _params;
    Poco::Net::HTTPRequestHandlerFactory::Ptr _handlers;
    KeepAliveConnectionFactory& _factory;
};
} // namespace

Poco::Net::TCPServerConnection*
KeepAliveConnectionFactory::createConnection(const Poco::Net::StreamSocket& socket)
{
    return new KeepAliveConnection(socket, _params, _handlers, *this);
}

} // namespace tracker::net
