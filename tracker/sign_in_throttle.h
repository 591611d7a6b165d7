#pragma once

namespace tracker
{

// Sign-in throttling by growing delays, never by a lock that an attacker could hold: after
// `free` failures of one key (an account from one address, or one address across accounts)
// inside the window, each further attempt of that key must wait twice as long as the last
// since its latest failure — 1 s, 2 s, 4 s … up to `capSeconds`. The owner of an account,
// signing in from another address, never waits for someone else's guesses.
struct FailureHistory
{
    int count = 0;        // failures of the key in the window, before this attempt
    long long latest = 0; // unix seconds of the latest of them
};

// Seconds this attempt must still wait (0: it may be checked now).
long long throttleWait(const FailureHistory& history, int free, long long capSeconds,
                       long long now);

} // namespace tracker
