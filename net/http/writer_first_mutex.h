#pragma once

#include <pthread.h>

namespace tracker::net
{

// A shared mutex whose writers go first: once one waits, new readers wait behind it.
//
// std::shared_mutex is glibc's default rwlock, which prefers readers: under 64 busy
// connections the page cache's readers overlapped without a gap, and a write's
// invalidation (the one exclusive lock on the write path) slept for up to 70 ms before
// it got in (issue 12, found by the blocked time of the slowest writes).
class WriterFirstMutex
{
public:
    WriterFirstMutex()
    {
        pthread_rwlockattr_t attributes;
        pthread_rwlockattr_init(&attributes);
#ifdef __GLIBC__
        pthread_rwlockattr_setkind_np(&attributes, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
#endif
        pthread_rwlock_init(&_lock, &attributes);
        pthread_rwlockattr_destroy(&attributes);
    }
    ~WriterFirstMutex()
    {
        pthread_rwlock_destroy(&_lock);
    }
    WriterFirstMutex(const WriterFirstMutex&) = delete;
    WriterFirstMutex& operator=(const WriterFirstMutex&) = delete;

    void lock()
    {
        pthread_rwlock_wrlock(&_lock);
    }
    bool try_lock()
    {
        return pthread_rwlock_trywrlock(&_lock) == 0;
    }
    void unlock()
    {
        pthread_rwlock_unlock(&_lock);
    }
    void lock_shared()
    {
        pthread_rwlock_rdlock(&_lock);
    }
    bool try_lock_shared()
    {
        return pthread_rwlock_tryrdlock(&_lock) == 0;
    }
    void unlock_shared()
    {
        pthread_rwlock_unlock(&_lock);
    }

private:
    pthread_rwlock_t _lock;
};

} // namespace tracker::net
