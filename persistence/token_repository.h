#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tracker::persistence
{

// One API token as its holder sees it; the secret is never stored, only its hash.
struct TokenRecord
{
    std::int64_t id = 0;
    std::string name;
    std::string createdAt;               // RFC 3339, Hanoi time
    std::optional<long long> expiresAt;  // unix seconds; none for tokens made before expiry
    std::optional<long long> lastUsedAt; // unix seconds; none when never used
    std::string revokedAt;               // RFC 3339; empty while not revoked
};

// API tokens managed by their holders (the back office's /admin/tokens and /api/v1/tokens).
// Creating and revoking are audited in the same transaction; the audit holds the name and
// the expiry, never the secret or its hash.
class TokenRepository
{
public:
    explicit TokenRepository(Database& database) : _database(database) {}

    std::int64_t create(std::int64_t userId, const std::string& tokenHash, const std::string& name,
                        long long expiresAt, const AuditContext& context);
    // The account's tokens, newest first, revoked ones included.
    std::vector<TokenRecord> tokensOf(std::int64_t userId);
    std::optional<TokenRecord> find(std::int64_t userId, std::int64_t tokenId);
    // False when the token is not the account's, or was revoked already.
    bool revoke(std::int64_t userId, std::int64_t tokenId, const AuditContext& context);

private:
    Database& _database;
};

} // namespace tracker::persistence
