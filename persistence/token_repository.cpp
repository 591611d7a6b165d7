#include "persistence/token_repository.h"

#include "persistence/row_values.h"
#include "tracker/audit.h"

#include <soci/soci.h>
#include <stdexcept>

namespace tracker::persistence
{
namespace
{
constexpr const char* kInsertToken = "INSERT INTO api_tokens (user_id, token_hash, name, "
                                     "created_at, expires_at) VALUES (:u, :h, :n, :c, :e)";
constexpr const char* kSelectTokens =
    "SELECT id, name, created_at, expires_at, last_used_at, revoked_at FROM api_tokens "
    "WHERE user_id = :u ORDER BY id DESC";
constexpr const char* kSelectToken =
    "SELECT id, name, created_at, expires_at, last_used_at, revoked_at FROM api_tokens "
    "WHERE user_id = :u AND id = :i";
constexpr const char* kRevokeToken = "UPDATE api_tokens SET revoked_at = :a "
                                     "WHERE user_id = :u AND id = :i AND revoked_at IS NULL";

TokenRecord tokenFromRow(const soci::row& row)
{
    return {integer(row, "id"),
            text(row, "name"),
            text(row, "created_at"),
            optionalInteger(row, "expires_at"),
            optionalInteger(row, "last_used_at"),
            text(row, "revoked_at")};
}
} // namespace

std::int64_t TokenRepository::create(std::int64_t userId, const std::string& tokenHash,
                                     const std::string& name, long long expiresAt,
                                     const AuditContext& context)
{
    long long id = 0;
    const long long user = userId;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            session << kInsertToken, soci::use(user), soci::use(tokenHash), soci::use(name),
                soci::use(context.at), soci::use(expiresAt);
            if (!session.get_last_insert_id("api_tokens", id))
                throw std::runtime_error("no id for the API token");
            const FieldChanges changes{{"name", "", name},
                                       {"expires_at", "", std::to_string(expiresAt)}};
            appendAudit(session, context, "api_token", id, "create", toJson(changes));
            transaction.commit();
        });
    return id;
}

std::vector<TokenRecord> TokenRepository::tokensOf(std::int64_t userId)
{
    std::vector<TokenRecord> tokens;
    _database.withSession(
        [&](soci::session& session)
        {
            tokens.clear();
            forEachRow(session, kSelectTokens, {std::to_string(userId)},
                       [&](const soci::row& row) { tokens.push_back(tokenFromRow(row)); });
        });
    return tokens;
}

std::optional<TokenRecord> TokenRepository::find(std::int64_t userId, std::int64_t tokenId)
{
    std::optional<TokenRecord> found;
    _database.withSession(
        [&](soci::session& session)
        {
            found.reset();
            forEachRow(session, kSelectToken, {std::to_string(userId), std::to_string(tokenId)},
                       [&](const soci::row& row) { found = tokenFromRow(row); });
        });
    return found;
}

bool TokenRepository::revoke(std::int64_t userId, std::int64_t tokenId, const AuditContext& context)
{
    bool revoked = false;
    const long long user = userId, id = tokenId;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            soci::statement update = (session.prepare << kRevokeToken, soci::use(context.at),
                                      soci::use(user), soci::use(id));
            update.execute(true);
            revoked = update.get_affected_rows() == 1;
            if (revoked)
                appendAudit(session, context, "api_token", id, "revoke",
                            toJson(FieldChanges{{"revoked_at", "", context.at}}));
            transaction.commit();
        });
    return revoked;
}

} // namespace tracker::persistence
