#pragma once

#include "persistence/database_url.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace soci
{
class session;
}

namespace tracker::persistence
{

// The database cannot be reached now; the caller answers 503 and tries again later.
class DatabaseUnavailable : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A fixed pool of SOCI sessions that heals itself. soci::connection_pool does not: after a
// MariaDB restart every pooled session throws "server has gone away" forever. Here a
// session that loses its connection is reconnected and the unit of work retried once;
// every unit of work passed to withSession() must therefore be safe to run twice, which
// holds for reads and for writes done in one transaction (the server rolls back a
// transaction whose connection died). For the same reason a unit of work that loses a
// write conflict (Galera's certification, InnoDB's deadlock: error 1213, SQLSTATE 40001)
// is run again as a whole, a few times.
class Database
{
public:
    Database(const DatabaseUrl& url, int poolSize); // throws DatabaseUnavailable
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Backend backend() const { return _url.backend; }
    // One writer at a time (SQLite): another connection's write waits for an open one.
    bool hasSingleWriter() const;
    const std::string& description() const { return _url.redacted; }

    void withSession(const std::function<void(soci::session&)>& work);

    // True when a trivial query succeeds; never throws.
    bool isReachable();

    struct PoolStats
    {
        int size = 0, inUse = 0, waiting = 0;
        std::uint64_t reconnects = 0;
        std::uint64_t conflictRetries = 0;
    };
    PoolStats poolStats() const;

private:
    struct Slot;
    Slot& acquire();
    void release(Slot& slot);
    void openSession(soci::session& session);

    DatabaseUrl _url;
    std::vector<std::unique_ptr<Slot>> _slots;
    mutable std::mutex _mutex;
    std::condition_variable _freed;
    int _inUse = 0, _waiting = 0;
    std::atomic<std::uint64_t> _reconnects{0};
    std::atomic<std::uint64_t> _conflictRetries{0};
};

} // namespace tracker::persistence
