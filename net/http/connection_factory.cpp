// The factory's bookkeeping: the open connections, their request deadlines and the
// watchdog that enforces them, and the stop that cuts them all.
#include "net/http/http_connection.h"

#include <Poco/Net/NetException.h>
#include <algorithm>

namespace tracker::net
{

KeepAliveConnectionFactory::Entry
KeepAliveConnectionFactory::enter(const Poco::Net::StreamSocket& socket)
{
    std::string address;
    try
    {
        address = socket.peerAddress().host().toString();
    }
    catch (const Poco::Exception&)
    {
        return Entry::Stopping; // gone before we looked
    }
    std::lock_guard lock(_mutex);
    if (_stopped)
        return Entry::Stopping;
    const auto& exempt = _deadlines.uncapped;
    const bool capped = _deadlines.connectionsPerAddress > 0 &&
                        std::find(exempt.begin(), exempt.end(), address) == exempt.end();
    if (capped && _perAddress[address] >= _deadlines.connectionsPerAddress)
        return Entry::TooManyFromAddress;
    if (_deadlines.maxOpen > 0 && static_cast<int>(_open.size()) >= _deadlines.maxOpen)
        return Entry::Saturated;
    ++_perAddress[address];
    _addressOf.emplace(socket, address);
    _open.emplace(socket, Clock::time_point::max());
    return Entry::Admitted;
}

void KeepAliveConnectionFactory::arm(const Poco::Net::StreamSocket& socket,
                                     Clock::time_point deadline)
{
    std::lock_guard lock(_mutex);
    if (const auto found = _open.find(socket); found != _open.end())
        found->second = deadline;
}

void KeepAliveConnectionFactory::disarm(const Poco::Net::StreamSocket& socket)
{
    arm(socket, Clock::time_point::max());
}

KeepAliveConnectionFactory::KeepAliveConnectionFactory(
    Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
    RequestDeadlines deadlines)
    : _params(std::move(params)), _handlers(std::move(handlers)), _deadlines(deadlines),
      _reads(deadlines.readSlots > 0
                 ? std::make_unique<ReadGate>(deadlines.readSlots, deadlines.readPatience)
                 : nullptr),
      _watchdog([this] { watch(); })
{
}

KeepAliveConnectionFactory::~KeepAliveConnectionFactory()
{
    stopAll();
    if (_watchdog.joinable())
        _watchdog.join();
}

// Four times a second: a request past its deadline has its socket shut down, which ends
// the read or write its thread is blocked in.
void KeepAliveConnectionFactory::watch()
{
    std::unique_lock lock(_mutex);
    while (!_stopped)
    {
        _wake.wait_for(lock, std::chrono::milliseconds(250));
        const auto now = Clock::now();
        for (auto& [socket, deadline] : _open)
        {
            if (deadline > now)
                continue;
            deadline = Clock::time_point::max();
            try
            {
                Poco::Net::StreamSocket(socket).shutdown();
            }
            catch (const Poco::Exception&)
            {
                // already closed by its client
            }
        }
    }
}

void KeepAliveConnectionFactory::leave(const Poco::Net::StreamSocket& socket)
{
    std::lock_guard lock(_mutex);
    _open.erase(socket);
    if (const auto found = _addressOf.find(socket); found != _addressOf.end())
    {
        if (--_perAddress[found->second] <= 0)
            _perAddress.erase(found->second);
        _addressOf.erase(found);
    }
}

void KeepAliveConnectionFactory::stopAll()
{
    {
        std::lock_guard lock(_mutex);
        _stopped = true;
        for (const auto& [socket, deadline] : _open)
        {
            try
            {
                Poco::Net::StreamSocket(socket).shutdown(); // wakes a read for the next request
            }
            catch (const Poco::Exception&)
            {
            }
        }
    }
    _wake.notify_all();
}

} // namespace tracker::net
