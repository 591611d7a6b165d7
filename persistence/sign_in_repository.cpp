#include "persistence/sign_in_repository.h"

#include "persistence/row_values.h"

#include <soci/soci.h>
#include <stdexcept>

namespace tracker::persistence
{
namespace
{
constexpr const char* kDeleteExpiredSessions = "DELETE FROM sessions WHERE expires_at < :n";
constexpr const char* kInsertSession =
    "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at, address) VALUES "
    "(:h, :u, :c, :n, :e, :a)";
constexpr const char* kFindSession =
    "SELECT user_id, csrf_token, expires_at FROM sessions WHERE id_hash = :h";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE id_hash = :h";
constexpr const char* kInsertToken =
    "INSERT INTO api_tokens (user_id, token_hash, created_at, expires_at) VALUES (:u, :h, :c, :e)";
constexpr const char* kRevokeTokens =
    "UPDATE api_tokens SET revoked_at = :a WHERE user_id = :u AND revoked_at IS NULL";
constexpr const char* kUserOfToken =
    "SELECT id, user_id, expires_at, last_used_at FROM api_tokens WHERE token_hash = :h AND "
    "revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :n)";
constexpr const char* kTokenUsed = "UPDATE api_tokens SET last_used_at = :n WHERE id = :i";
// The last use is shown to the holder to the minute; writing it on every request would
// make every API call a write.
constexpr long long kLastUseResolution = 60;
constexpr const char* kInsertFailure =
    "INSERT INTO login_failures (email, address, at) VALUES (:e, :a, :t)";
constexpr const char* kClearFailures =
    "DELETE FROM login_failures WHERE email = :e AND address = :a";
constexpr const char* kDeleteAttempt = "DELETE FROM login_failures WHERE id = :i";
constexpr const char* kPairFailures =
    "SELECT COUNT(*), MAX(at) FROM login_failures WHERE email = :e AND address = :a AND "
    "at >= :s AND id <> :i";
constexpr const char* kAddressFailures =
    "SELECT COUNT(*), MAX(at) FROM login_failures WHERE address = :a AND at >= :s AND id <> :i";

} // namespace

void SignInRepository::createSession(const std::string& idHash, std::int64_t userId,
                                     const std::string& csrf, long long now, long long expiresAt,
                                     const std::string& address)
{
    const long long id = userId;
    _database.withSession(
        [&](soci::session& session)
        {
            session << kDeleteExpiredSessions, soci::use(now);
            session << kInsertSession, soci::use(idHash), soci::use(id), soci::use(csrf),
                soci::use(now), soci::use(expiresAt), soci::use(address);
        });
}

std::optional<SessionRecord> SignInRepository::findSession(const std::string& idHash, long long now)
{
    std::optional<SessionRecord> found;
    _database.withSession(
        [&](soci::session& session)
        {
            forEachRow(
                session, kFindSession, {idHash},
                [&](const soci::row& row)
                {
                    if (integer(row, "expires_at") > now)
                        found = SessionRecord{integer(row, "user_id"), text(row, "csrf_token"),
                                              integer(row, "expires_at")};
                },
                1);
        });
    return found;
}

void SignInRepository::deleteSession(const std::string& idHash)
{
    _database.withSession([&](soci::session& session)
                          { session << kDeleteSession, soci::use(idHash); });
}

void SignInRepository::addToken(std::int64_t userId, const std::string& tokenHash,
                                const std::string& createdAt, long long expiresAt)
{
    const long long id = userId;
    _database.withSession(
        [&](soci::session& session)
        {
            session << kInsertToken, soci::use(id), soci::use(tokenHash), soci::use(createdAt),
                soci::use(expiresAt);
        });
}

std::optional<LiveToken> SignInRepository::userOfToken(const std::string& tokenHash, long long now)
{
    std::optional<LiveToken> found;
    _database.withSession(
        [&](soci::session& session)
        {
            found.reset();
            bool stale = false;
            forEachRow(session, kUserOfToken, {tokenHash, std::to_string(now)},
                       [&](const soci::row& row)
                       {
                           found = LiveToken{integer(row, "user_id"), integer(row, "id"),
                                             optionalInteger(row, "expires_at")};
                           const auto lastUsed = optionalInteger(row, "last_used_at");
                           stale = !lastUsed || *lastUsed + kLastUseResolution <= now;
                       });
            if (found && stale)
                session << kTokenUsed, soci::use(now), soci::use(found->id);
        });
    return found;
}

int SignInRepository::revokeTokens(std::int64_t userId, const std::string& at)
{
    int revoked = 0;
    const long long id = userId;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::statement update =
                (session.prepare << kRevokeTokens, soci::use(at), soci::use(id));
            update.execute(true);
            revoked = static_cast<int>(update.get_affected_rows());
        });
    return revoked;
}

std::int64_t SignInRepository::recordAttempt(const std::string& email, const std::string& address,
                                             long long at)
{
    long long id = 0;
    _database.withSession(
        [&](soci::session& session)
        {
            session << kInsertFailure, soci::use(email), soci::use(address), soci::use(at);
            if (!session.get_last_insert_id("login_failures", id))
                throw std::runtime_error("no id for the sign-in attempt");
        });
    return id;
}

void SignInRepository::forgetAttempt(std::int64_t attemptId)
{
    const long long id = attemptId;
    _database.withSession([&](soci::session& session)
                          { session << kDeleteAttempt, soci::use(id); });
}

FailureHistory SignInRepository::failuresOfPair(const std::string& email,
                                                const std::string& address, long long since,
                                                std::int64_t ownId)
{
    return history(kPairFailures, {email, address}, since, ownId);
}

FailureHistory SignInRepository::failuresOfAddress(const std::string& address, long long since,
                                                   std::int64_t ownId)
{
    return history(kAddressFailures, {address}, since, ownId);
}

// COUNT(*) and MAX(at) of the failures `query` selects by its text keys, a time and an id.
FailureHistory SignInRepository::history(const char* query, const std::vector<std::string>& keys,
                                         long long since, std::int64_t ownId)
{
    FailureHistory found;
    long long own = ownId;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::indicator latest = soci::i_null;
            soci::statement statement(session);
            for (const auto& key : keys)
                statement.exchange(soci::use(key));
            statement.exchange(soci::use(since));
            statement.exchange(soci::use(own));
            statement.exchange(soci::into(found.count));
            statement.exchange(soci::into(found.latest, latest));
            statement.alloc();
            statement.prepare(query);
            statement.define_and_bind();
            statement.execute(true);
            if (latest != soci::i_ok)
                found.latest = 0;
        });
    return found;
}

void SignInRepository::clearFailures(const std::string& email, const std::string& address)
{
    _database.withSession([&](soci::session& session)
                          { session << kClearFailures, soci::use(email), soci::use(address); });
}

} // namespace tracker::persistence
