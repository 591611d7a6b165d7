#include "persistence/account_repository.h"

#include "persistence/kept_versions.h"
#include "persistence/row_values.h"
#include "tracker/audit.h"

#include <soci/soci.h>
#include <tuple>

namespace tracker::persistence
{
namespace
{
// A password change or deactivation ends every way in: sessions and API tokens alike.
constexpr const char* kRevokeTokensOfUser =
    "UPDATE api_tokens SET revoked_at = :a WHERE user_id = :u AND revoked_at IS NULL";
constexpr const char* kSelectUserScopesByUserId =
    "SELECT kind, value FROM user_scopes WHERE user_id = :u ORDER BY value";
constexpr const char* kInsertUserScope =
    "INSERT INTO user_scopes (user_id, kind, value) VALUES (:u, :k, :v)";
constexpr const char* kInsertUser =
    "INSERT INTO users (email, name, role, password_hash, created_at) VALUES (:e, :n, :r, :h, :c)";
constexpr const char* kUpdateUserNameAndRole =
    "UPDATE users SET name = :n, role = :r, version = version + 1 WHERE id = :i AND version = :v";
constexpr const char* kDeleteUserScopesByUserId = "DELETE FROM user_scopes WHERE user_id = :i";
constexpr const char* kUpdateUserPassword =
    "UPDATE users SET password_hash = :h, version = version + 1 WHERE id = :i";
constexpr const char* kDeleteSessionsByUserId = "DELETE FROM sessions WHERE user_id = :i";
constexpr const char* kUpdateUserActive =
    "UPDATE users SET active = :a, version = version + 1 WHERE id = :i";

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
    forEachRow(session, kSelectUserScopesByUserId, {std::to_string(account.id)},
               [&](const soci::row& row)
               {
                   const auto kind = text(row, "kind");
                   auto& list = kind == "district"  ? account.districts
                                : kind == "commune" ? account.communes
                                                    : account.clusters;
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
        session << kInsertUserScope, soci::use(userId), soci::use(kindText), soci::use(value);
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
                   {"communes", "", joined(account.communes)},
                   {"clusters", "", joined(account.clusters)}});
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
            session << kInsertUser, soci::use(account.email), soci::use(account.name),
                soci::use(role), soci::use(hash), soci::use(context.at);
            if (!session.get_last_insert_id("users", id))
                throw std::runtime_error("no id for the new user");
            insertScopes(session, id, "district", account.districts);
            insertScopes(session, id, "commune", account.communes);
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
                (session.prepare << kUpdateUserNameAndRole, soci::use(next.name), soci::use(role),
                 soci::use(id), soci::use(expectedVersion));
            update.execute(true);
            saved = before && update.get_affected_rows() == 1;
            if (!saved)
                return;
            session << kDeleteUserScopesByUserId, soci::use(id);
            insertScopes(session, id, "district", next.districts);
            insertScopes(session, id, "commune", next.communes);
            insertScopes(session, id, "cluster", next.clusters);
            const auto& old = before->account;
            FieldChanges changes;
            for (const auto& [field, a, b] :
                 {std::tuple{"name", old.name, next.name},
                  std::tuple{"role", std::string(code(old.role)), role},
                  std::tuple{"districts", joined(old.districts), joined(next.districts)},
                  std::tuple{"communes", joined(old.communes), joined(next.communes)},
                  std::tuple{"clusters", joined(old.clusters), joined(next.clusters)}})
                if (a != b)
                    changes.push_back({field, a, b});
            appendAudit(session, context, "user", next.id, "update", toJson(changes));
            keepVersion(session, "user", next.id, expectedVersion, fieldValues(old));
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
            session << kUpdateUserPassword, soci::use(hash), soci::use(id);
            session << kDeleteSessionsByUserId, soci::use(id);
            session << kRevokeTokensOfUser, soci::use(context.at), soci::use(id);
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
            session << kUpdateUserActive, soci::use(flag), soci::use(id);
            if (!active)
            {
                session << kDeleteSessionsByUserId, soci::use(id);
                session << kRevokeTokensOfUser, soci::use(context.at), soci::use(id);
            }
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

} // namespace tracker::persistence
