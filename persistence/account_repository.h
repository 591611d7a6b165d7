#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"
#include "tracker/roles.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tracker::persistence
{

class DuplicateAccount : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct StoredAccount
{
    Account account;
    std::string passwordHash;
    bool active = true;
    int version = 1;
};

// Users with their roles and scopes. Sessions, tokens and failed sign-ins are in
// SignInRepository (sign_in_repository.h).
class AccountRepository
{
public:
    explicit AccountRepository(Database& database) : _database(database) {}

    // Throws DuplicateAccount. The audit entry names the account, never the password.
    std::int64_t createUser(const Account& account, const std::string& passwordHash,
                            const AuditContext& context);
    std::optional<StoredAccount> findByEmail(const std::string& email);
    std::optional<Account> findById(std::int64_t id); // active accounts only
    std::optional<StoredAccount> findAnyById(std::int64_t id);
    // Name, role and scopes, if the stored version is still `expectedVersion`; false when
    // someone saved first.
    bool updateAccount(const Account& next, int expectedVersion, const AuditContext& context);
    std::vector<Account> listAccounts();
    // Also ends every session of that user, so that a stolen session dies with the password.
    void setPassword(std::int64_t userId, const std::string& passwordHash,
                     const AuditContext& context);

    // Deactivating ends the account's sessions; its API tokens stop working while it is off.
    void setActive(std::int64_t userId, bool active, const AuditContext& context);
    std::vector<std::pair<Account, bool>> listAccountsWithState(); // with `active`
private:
    Database& _database;
};

} // namespace tracker::persistence
