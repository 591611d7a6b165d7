#include "persistence/database.h"

#include "persistence/dialect.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <soci/soci.h>
#include <thread>

namespace tracker::persistence
{
namespace
{
constexpr const char* kPing = "SELECT 1";
// Galera certifies a transaction at COMMIT and aborts the loser of two that touched the same
// row; the loser is run again from the start, after a short random pause so that the two
// do not collide again.
constexpr int kConflictRetries = 5;

void pauseBeforeRetry(int retry)
{
    thread_local std::minstd_rand random{std::random_device{}()};
    const int ceiling = 5 << retry; // 10, 20, 40, 80, 160 ms at most
    std::this_thread::sleep_for(std::chrono::milliseconds(1 + random() % ceiling));
}
} // namespace

struct Database::Slot
{
    soci::session session;
    bool busy = false;
    bool broken = false; // the last use lost its connection; reconnect before the next
};

namespace
{
bool lostConnection(const soci::soci_error& error)
{
    return error.get_error_category() == soci::soci_error::connection_error;
}

} // namespace

Database::Database(const DatabaseUrl& url, int poolSize) : _url(url)
{
    for (int i = 0; i < std::max(1, poolSize); ++i)
    {
        auto slot = std::make_unique<Slot>();
        openSession(slot->session);
        _slots.push_back(std::move(slot));
    }
}

Database::~Database() = default;

void Database::openSession(soci::session& session)
{
    try
    {
        dialect::openSession(session, _url);
    }
    catch (const soci::soci_error& error)
    {
        throw DatabaseUnavailable("cannot open the database " + _url.redacted + ": " +
                                  error.get_error_message());
    }
}

Database::Slot& Database::acquire()
{
    std::unique_lock lock(_mutex);
    for (;;)
    {
        for (auto& slot : _slots)
        {
            if (!slot->busy)
            {
                slot->busy = true;
                ++_inUse;
                return *slot;
            }
        }
        ++_waiting;
        _freed.wait(lock);
        --_waiting;
    }
}

void Database::release(Slot& slot)
{
    {
        std::lock_guard lock(_mutex);
        slot.busy = false;
        --_inUse;
    }
    _freed.notify_one();
}

void Database::withSession(const std::function<void(soci::session&)>& work)
{
    Slot& slot = acquire();
    struct Releaser
    {
        Database& db;
        Slot& slot;
        ~Releaser() { db.release(slot); }
    } releaser{*this, slot};

    int reconnects = 0, conflicts = 0;
    for (;;)
    {
        try
        {
            if (slot.broken)
            {
                slot.session.close();
                openSession(slot.session);
                slot.broken = false;
                ++_reconnects;
            }
            work(slot.session);
            return;
        }
        catch (const soci::soci_error& error)
        {
            if (dialect::isWriteConflict(error) && conflicts < kConflictRetries)
            {
                pauseBeforeRetry(conflicts++);
                ++_conflictRetries;
                continue;
            }
            if (dialect::isOutOfSpace(error))
                throw DatabaseUnavailable(std::string("the database has no space left: ") +
                                          error.what());
            if (!lostConnection(error))
                throw;
            slot.broken = true;
            if (reconnects++ > 0)
                throw DatabaseUnavailable("lost the connection to " + _url.redacted);
        }
        catch (const DatabaseUnavailable&)
        {
            slot.broken = true;
            throw;
        }
    }
}

Database::PoolStats Database::poolStats() const
{
    std::lock_guard lock(_mutex);
    return {static_cast<int>(_slots.size()), _inUse, _waiting, _reconnects.load(),
            _conflictRetries.load()};
}

bool Database::hasSingleWriter() const
{
    return dialect::hasSingleWriter(_url.backend);
}

bool Database::isReachable()
{
    try
    {
        withSession(
            [](soci::session& session)
            {
                int one = 0;
                session << kPing, soci::into(one);
            });
        return true;
    }
    catch (const std::exception&)
    {
        return false;
    }
}

} // namespace tracker::persistence
