#include "persistence/account_repository.h"

#include "persistence/row_values.h"
#include "tracker/audit.h"

#include <soci/soci.h>
#include <tuple>

namespace tracker::persistence
{
namespace
{
const std::string kUserColumns =
    "SELECT id, email, name, role, password_hash, active, version FROM users ";

StoredAccount accountFromRow(const soci::row& row)
{
    StoredAccount stored;
    stored.account.id = integer(row, "id");
    stored.account.email = text(row, "email");
    stored.account.name = text(row, "name");
    stored.account.role = roleFromCode(text(row, "role")).value_or(Role::Viewer);
    stored.passwordHash = text(row, "password_hash");
    stored.active = integer(row, "active") != 0;
    stored.version = static_cast<int>(integer(row, "version"));
    return stored;
}

void loadScopes(soci::session& session, Account& account)
{
    forEachRow(session, "SELECT kind, value FROM user_scopes WHERE user_id = :u ORDER BY value",
               {std::to_string(account.id)},
               [&](const soci::row& row)
               {
                   auto& list =
                       text(row, "kind") == "district" ? account.districts : account.clusters;
                   list.push_back(text(row, "value"));
               });
}

std::optional<StoredAccount> findOne(soci::session& session, const std::string& where,
                                     const std::string& parameter)
{
    std::optional<StoredAccount> found;
    forEachRow(
        session, kUserColumns + where, {parameter},
        [&](const soci::row& row) { found = accountFromRow(row); }, 1);
    if (found)
        loadScopes(session, found->account);
    return found;
}

void insertScopes(soci::session& session, long long userId, const char* kind,
                  const std::vector<std::string>& values)
{
    const std::string kindText = kind;
    for (const auto& value : values)
        session << "INSERT INTO user_scopes (user_id, kind, value) VALUES (:u, :k, :v)",
            soci::use(userId), soci::use(kindText), soci::use(value);
}

std::string joined(const std::vector<std::string>& values)
{
    std::string out;
    for (const auto& value : values)
        out += (out.empty() ? "" : ", ") + value;
    return out;
}

std::string accountJson(const Account& account)
{
    return toJson({{"email", "", account.email},
                   {"name", "", account.name},
                   {"role", "", std::string(code(account.role))},
                   {"districts", "", joined(account.districts)},
                   {"clusters", "", joined(account.clusters)}});
}

int countSince(Database& database, const std::string& column, const std::string& value,
               long long since)
{
    int count = 0;
    database.withSession(
        [&](soci::session& session)
        {
            session << "SELECT COUNT(*) FROM login_failures WHERE " + column + " = :v AND at >= :s",
                soci::use(value), soci::use(since), soci::into(count);
        });
    return count;
}
} // namespace

std::int64_t AccountRepository::createUser(const Account& account, const std::string& hash,
                                           const AuditContext& context)
{
    long long id = 0;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            if (findOne(session, "WHERE email = :e", account.email))
                throw DuplicateAccount("an account with this email already exists");
            const std::string role(code(account.role));
            session << "INSERT INTO users (email, name, role, password_hash, created_at) "
                       "VALUES (:e, :n, :r, :h, :c)",
                soci::use(account.email), soci::use(account.name), soci::use(role), soci::use(hash),
                soci::use(context.at);
            if (!session.get_last_insert_id("users", id))
                throw std::runtime_error("no id for the new user");
            insertScopes(session, id, "district", account.districts);
            insertScopes(session, id, "cluster", account.clusters);
            appendAudit(session, context, "user", id, "create", accountJson(account));
            transaction.commit();
        });
    return id;
}

std::optional<StoredAccount> AccountRepository::findByEmail(const std::string& email)
{
    std::optional<StoredAccount> found;
    _database.withSession([&](soci::session& session)
                          { found = findOne(session, "WHERE email = :e", email); });
    return found;
}

std::optional<Account> AccountRepository::findById(std::int64_t id)
{
    std::optional<StoredAccount> found;
    _database.withSession([&](soci::session& session)
                          { found = findOne(session, "WHERE id = :i", std::to_string(id)); });
    if (!found || !found->active)
        return std::nullopt;
    return found->account;
}

std::optional<StoredAccount> AccountRepository::findAnyById(std::int64_t id)
{
    std::optional<StoredAccount> found;
    _database.withSession([&](soci::session& session)
                          { found = findOne(session, "WHERE id = :i", std::to_string(id)); });
    return found;
}

bool AccountRepository::updateAccount(const Account& next, int expectedVersion,
                                      const AuditContext& context)
{
    bool saved = false;
    const long long id = next.id;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            const auto before = findOne(session, "WHERE id = :i", std::to_string(next.id));
            const std::string role(code(next.role));
            soci::statement update =
                (session.prepare << "UPDATE users SET name = :n, role = :r, version = version + 1 "
                                    "WHERE id = :i AND version = :v",
                 soci::use(next.name), soci::use(role), soci::use(id), soci::use(expectedVersion));
            update.execute(true);
            saved = before && update.get_affected_rows() == 1;
            if (!saved)
                return;
            session << "DELETE FROM user_scopes WHERE user_id = :i", soci::use(id);
            insertScopes(session, id, "district", next.districts);
            insertScopes(session, id, "cluster", next.clusters);
            const auto& old = before->account;
            FieldChanges changes;
            for (const auto& [field, a, b] :
                 {std::tuple{"name", old.name, next.name},
                  std::tuple{"role", std::string(code(old.role)), role},
                  std::tuple{"districts", joined(old.districts), joined(next.districts)},
                  std::tuple{"clusters", joined(old.clusters), joined(next.clusters)}})
                if (a != b)
                    changes.push_back({field, a, b});
            appendAudit(session, context, "user", next.id, "update", toJson(changes));
            transaction.commit();
        });
    return saved;
}

std::vector<Account> AccountRepository::listAccounts()
{
    std::vector<Account> accounts;
    _database.withSession(
        [&](soci::session& session)
        {
            accounts.clear();
            forEachRow(session, kUserColumns + "ORDER BY email", {},
                       [&](const soci::row& row)
                       { accounts.push_back(accountFromRow(row).account); });
            for (auto& account : accounts)
                loadScopes(session, account);
        });
    return accounts;
}

void AccountRepository::setPassword(std::int64_t userId, const std::string& hash,
                                    const AuditContext& context)
{
    const long long id = userId;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            session << "UPDATE users SET password_hash = :h, version = version + 1 WHERE id = :i",
                soci::use(hash), soci::use(id);
            session << "DELETE FROM sessions WHERE user_id = :i", soci::use(id);
            appendAudit(session, context, "user", userId, "password",
                        toJson({{"password", "***", "***"}}));
            transaction.commit();
        });
}

void AccountRepository::setActive(std::int64_t userId, bool active, const AuditContext& context)
{
    const long long id = userId;
    const int flag = active ? 1 : 0;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            session << "UPDATE users SET active = :a, version = version + 1 WHERE id = :i",
                soci::use(flag), soci::use(id);
            if (!active)
                session << "DELETE FROM sessions WHERE user_id = :i", soci::use(id);
            appendAudit(session, context, "user", userId, active ? "activate" : "deactivate",
                        toJson({{"active", active ? "0" : "1", active ? "1" : "0"}}));
            transaction.commit();
        });
}

std::vector<std::pair<Account, bool>> AccountRepository::listAccountsWithState()
{
    std::vector<std::pair<Account, bool>> accounts;
    _database.withSession(
        [&](soci::session& session)
        {
            accounts.clear();
            forEachRow(session, kUserColumns + "ORDER BY email", {},
                       [&](const soci::row& row)
                       {
                           auto stored = accountFromRow(row);
                           accounts.emplace_back(stored.account, stored.active);
                       });
            for (auto& [account, active] : accounts)
                loadScopes(session, account);
        });
    return accounts;
}

void AccountRepository::createSession(const std::string& idHash, std::int64_t userId,
                                      const std::string& csrf, long long now, long long expiresAt,
                                      const std::string& address)
{
    const long long id = userId;
    _database.withSession(
        [&](soci::session& session)
        {
            session << "DELETE FROM sessions WHERE expires_at < :n", soci::use(now);
            session << "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, "
                       "expires_at, address) VALUES (:h, :u, :c, :n, :e, :a)",
                soci::use(idHash), soci::use(id), soci::use(csrf), soci::use(now),
                soci::use(expiresAt), soci::use(address);
        });
}

std::optional<SessionRecord> AccountRepository::findSession(const std::string& idHash,
                                                            long long now)
{
    std::optional<SessionRecord> found;
    _database.withSession(
        [&](soci::session& session)
        {
            forEachRow(
                session, "SELECT user_id, csrf_token, expires_at FROM sessions WHERE id_hash = :h",
                {idHash},
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

void AccountRepository::deleteSession(const std::string& idHash)
{
    _database.withSession(
        [&](soci::session& session)
        { session << "DELETE FROM sessions WHERE id_hash = :h", soci::use(idHash); });
}

void AccountRepository::addToken(std::int64_t userId, const std::string& tokenHash,
                                 const std::string& createdAt)
{
    const long long id = userId;
    _database.withSession(
        [&](soci::session& session)
        {
            session << "INSERT INTO api_tokens (user_id, token_hash, created_at) "
                       "VALUES (:u, :h, :c)",
                soci::use(id), soci::use(tokenHash), soci::use(createdAt);
        });
}

std::optional<std::int64_t> AccountRepository::userOfToken(const std::string& tokenHash)
{
    std::optional<std::int64_t> found;
    _database.withSession(
        [&](soci::session& session)
        {
            forEachRow(
                session,
                "SELECT user_id FROM api_tokens WHERE token_hash = :h AND revoked_at IS NULL",
                {tokenHash}, [&](const soci::row& row) { found = integer(row, "user_id"); }, 1);
        });
    return found;
}

void AccountRepository::recordFailedLogin(const std::string& email, const std::string& address,
                                          long long at)
{
    _database.withSession(
        [&](soci::session& session)
        {
            session << "INSERT INTO login_failures (email, address, at) VALUES (:e, :a, :t)",
                soci::use(email), soci::use(address), soci::use(at);
        });
}

int AccountRepository::failuresForEmailSince(const std::string& email, long long since)
{
    return countSince(_database, "email", email, since);
}

int AccountRepository::failuresFromAddressSince(const std::string& address, long long since)
{
    return countSince(_database, "address", address, since);
}

void AccountRepository::clearFailures(const std::string& email)
{
    _database.withSession(
        [&](soci::session& session)
        { session << "DELETE FROM login_failures WHERE email = :e", soci::use(email); });
}

} // namespace tracker::persistence
