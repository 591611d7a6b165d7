#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <mutex>
#include <set>

namespace tracker::net
{

// Creates one KeepAliveConnection per accepted socket, and can cut every open one at
// shutdown (a connection waiting for its next request would otherwise hold the stop for
// the whole keep-alive timeout).
class KeepAliveConnectionFactory : public Poco::Net::TCPServerConnectionFactory
{
public:
    KeepAliveConnectionFactory(Poco::Net::HTTPServerParams::Ptr params,
                               Poco::Net::HTTPRequestHandlerFactory::Ptr handlers)
        : _params(std::move(params)), _handlers(std::move(handlers))
    {
    }

    Poco::Net::TCPServerConnection*
    createConnection(const Poco::Net::StreamSocket& socket) override;
    void stopAll();

    // For the connections: they enter and leave the set of open sockets.
    bool enter(const Poco::Net::StreamSocket& socket);
    void leave(const Poco::Net::StreamSocket& socket);

private:
    Poco::Net::HTTPServerParams::Ptr _params;
    Poco::Net::HTTPRequestHandlerFactory::Ptr _handlers;
    std::mutex _mutex;
    std::set<Poco::Net::StreamSocket> _open;
    bool _stopped = false;
};

} // namespace tracker::net
