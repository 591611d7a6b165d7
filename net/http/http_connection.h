#pragma once

#include "net/http/read_gate.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tracker::net
{

// How long a request may take, whatever its pace: a client that sends one byte every few
// seconds would otherwise keep its thread (Poco gives each connection one) for ever, the
// read timeout starting again with each byte.
struct RequestDeadlines
{
    std::chrono::seconds head{5};  // from its first byte to the end of its headers
    std::chrono::seconds body{10}; // then, to its answer, plus the time of the body below
    std::size_t bodyBytesPerSecond = 64 * 1024; // the slowest upload allowed
    std::chrono::seconds chunkedBody{60};       // a body of unknown length, at the most
    // Connections one client address may hold open at once (0: no cap). A proxy in front
    // (the addresses in `uncapped`) speaks for many clients and is not capped.
    int connectionsPerAddress = 0;
    std::vector<std::string> uncapped;
    // Connections served at once (0: no cap); one more gets a 503 at once. Set below the
    // thread pool's size so that a few threads stay free to say so: otherwise, once every
    // thread holds a connection, new ones queue and are reset when the queue is full.
    int maxOpen = 0;
    // Reads worked on at once (0: no limit); writes are never held back (net/http/read_gate.h).
    int readSlots = 0;
    std::chrono::milliseconds readPatience{100};
};

// Creates one KeepAliveConnection per accepted socket, and can cut every open one at
// shutdown (a connection waiting for its next request would otherwise hold the stop for
// the whole keep-alive timeout). A watchdog shuts down the socket of any request past its
// deadline.
class KeepAliveConnectionFactory : public Poco::Net::TCPServerConnectionFactory
{
public:
    using Clock = std::chrono::steady_clock;

    KeepAliveConnectionFactory(Poco::Net::HTTPServerParams::Ptr params,
                               Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
                               RequestDeadlines deadlines = {});
    ~KeepAliveConnectionFactory() override;

    Poco::Net::TCPServerConnection*
    createConnection(const Poco::Net::StreamSocket& socket) override;
    void stopAll();
    const RequestDeadlines& deadlines() const { return _deadlines; }

    // For the connections: they enter and leave the set of open sockets, and give the
    // request they are reading a deadline (none while they wait for the next one).
    enum class Entry
    {
        Admitted,
        Stopping,
        TooManyFromAddress, // answered 503 at once, without a thread held for it
        Saturated           // every serving slot is taken: 503 at once as well
    };
    Entry enter(const Poco::Net::StreamSocket& socket);
    void leave(const Poco::Net::StreamSocket& socket);
    void arm(const Poco::Net::StreamSocket& socket, Clock::time_point deadline);
    void disarm(const Poco::Net::StreamSocket& socket);
    // A read's turn: a slot of the read gate, or none when there is no gate.
    ReadGate::Slot enterRead() { return _reads ? _reads->enter() : ReadGate::Slot(); }
    ReadGate* readGate() { return _reads.get(); }

private:
    void watch();

    Poco::Net::HTTPServerParams::Ptr _params;
    Poco::Net::HTTPRequestHandlerFactory::Ptr _handlers;
    RequestDeadlines _deadlines;
    std::mutex _mutex;
    std::condition_variable _wake;
    std::map<Poco::Net::StreamSocket, Clock::time_point> _open; // socket → deadline
    std::map<Poco::Net::StreamSocket, std::string> _addressOf;
    std::map<std::string, int> _perAddress; // open connections by client address
    bool _stopped = false;
    std::unique_ptr<ReadGate> _reads;
    std::thread _watchdog;
};

} // namespace tracker::net
