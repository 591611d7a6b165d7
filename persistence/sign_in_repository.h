#pragma once

#include "persistence/database.h"
#include "tracker/sign_in_throttle.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tracker::persistence
{

struct SessionRecord
{
    std::int64_t userId = 0;
    std::string csrfToken;
    long long expiresAt = 0;
};

struct LiveToken
{
    std::int64_t userId = 0;
    long long id = 0;
    std::optional<long long> expiresAt; // unix seconds; none for tokens made before expiry
};

// What signing in leaves behind: sessions, API tokens and failed sign-ins. Sessions and
// tokens are looked up by a hash of what the client holds; the secret itself is never
// stored.
class SignInRepository
{
public:
    explicit SignInRepository(Database& database) : _database(database) {}

    void createSession(const std::string& idHash, std::int64_t userId, const std::string& csrf,
                       long long now, long long expiresAt, const std::string& address);
    std::optional<SessionRecord> findSession(const std::string& idHash, long long now);
    void deleteSession(const std::string& idHash);

    // `expiresAt`: unix seconds after which the token no longer works.
    void addToken(std::int64_t userId, const std::string& tokenHash, const std::string& createdAt,
                  long long expiresAt);
    // The token, and its account, when it is neither revoked nor expired at `now`; its last
    // use becomes `now` (to the minute).
    std::optional<LiveToken> userOfToken(const std::string& tokenHash, long long now);
    // Revokes every token of the account; how many were live.
    int revokeTokens(std::int64_t userId, const std::string& at);

    // A sign-in attempt is recorded as a failure before its password is checked, so that
    // concurrent guesses each see the ones before them; a success forgets it. Returns its id.
    std::int64_t recordAttempt(const std::string& email, const std::string& address, long long at);
    void forgetAttempt(std::int64_t attemptId);
    // The failures other than attempt `ownId`, since `since`: of this account from this
    // address, and of this address across accounts. Every other attempt counts, not only
    // those with a lower id: ids are handed out before their inserts commit, so one with a
    // lower id may not be visible yet. Counted this way, the k-th attempt to commit sees
    // at least the k-1 before it, and no more than the allowed number are ever checked.
    FailureHistory failuresOfPair(const std::string& email, const std::string& address,
                                  long long since, std::int64_t ownId);
    FailureHistory failuresOfAddress(const std::string& address, long long since,
                                     std::int64_t ownId);
    // After a success: this account's failures from this address are forgiven.
    void clearFailures(const std::string& email, const std::string& address);

private:
    FailureHistory history(const char* query, const std::vector<std::string>& keys, long long since,
                           std::int64_t ownId);
    Database& _database;
};

} // namespace tracker::persistence
