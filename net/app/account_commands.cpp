#include "net/app/account_commands.h"

#include "net/access/credentials.h"
#include "net/app/tracker_server.h"
#include "net/http/files.h"
#include "net/operations/bulk_import.h"
#include "net/operations/known_scopes.h"
#include "net/views/admin_units_file.h"
#include "persistence/account_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/sign_in_repository.h"
#include "tracker/email_address.h"
#include "tracker/text_checks.h"

#include <Poco/Environment.h>
#include <Poco/StringTokenizer.h>
#include <iostream>
#include <set>

namespace tracker::net
{
namespace
{
const std::set<std::string> kOptions{"create-admin",  "create-user", "role",         "districts",
                                     "communes",      "clusters",    "create-token", "token-days",
                                     "revoke-tokens", "import",      "dry-run"};
constexpr int kDefaultTokenDays = 90;

std::string requireEmail(const std::string& email, const std::string& option)
{
    const auto address = normalisedEmail(email);
    if (!address)
        throw StartupError("--" + option + " needs an email address, not '" + email + "'");
    return *address;
}
// Every named district and cluster must exist: a typo would give an account no rights.
void requireKnownScopes(persistence::Database& database, const Account& account)
{
    const KnownScopes known(database, adminUnits());
    for (const auto& commune : account.communes)
        if (!adminUnits().byCode(commune))
            throw StartupError("no commune or ward has the code '" + commune +
                               "' (use the statistics code, e.g. 10369 for xã Ứng Thiên)");
    for (const auto& district : account.districts)
        if (!known.hasDistrict(district))
            throw StartupError("no cluster is in the district '" + district +
                               "' (use the Vietnamese name, e.g. Thạch Thất)");
    for (const auto& cluster : account.clusters)
        if (!known.hasCluster(cluster))
            throw StartupError("no cluster has the code '" + cluster + "'");
    if (account.role == Role::CommuneOfficial && account.communes.empty())
        throw StartupError(
            "a commune_official needs --communes=CODE,… (e.g. 10369 for xã Ứng Thiên)");
    if (account.role == Role::DistrictOfficial && account.districts.empty())
        throw StartupError("a district_official needs --districts=NAME,…");
    if (account.role == Role::Developer && account.clusters.empty())
        throw StartupError("a developer needs --clusters=CODE,…");
}

persistence::AuditContext operatorContext(const Clock& clock)
{
    return {"cli:" + Poco::Environment::get("USER", "operator"), "command line",
            clock.nowRfc3339()};
}

} // namespace

bool AccountCommands::handles(const std::string& option)
{
    return kOptions.count(option) > 0;
}

bool AccountCommands::requested() const
{
    return _options.count("create-admin") || _options.count("create-user") ||
           _options.count("create-token") || _options.count("revoke-tokens") ||
           _options.count("import");
}

std::string AccountCommands::option(const std::string& name) const
{
    const auto found = _options.find(name);
    return found == _options.end() ? std::string() : found->second;
}

int AccountCommands::run(persistence::Database& database, const Clock& clock, std::istream& in,
                         std::ostream& out, std::ostream& err)
{
    if (_options.count("create-admin"))
        return createUser(database, clock, option("create-admin"), Role::Admin, in, out);
    if (_options.count("create-user"))
    {
        const auto role = roleFromCode(option("role"));
        if (!role)
            throw StartupError("--role must be admin, city_official, district_official, developer "
                               "or viewer, not '" +
                               option("role") + "'");
        return createUser(database, clock, option("create-user"), *role, in, out);
    }
    if (_options.count("create-token"))
        return createToken(database, clock, out);
    if (_options.count("revoke-tokens"))
        return revokeTokens(database, clock, out);
    return import(database, clock, out, err);
}

int AccountCommands::createUser(persistence::Database& database, const Clock& clock,
                                const std::string& email, Role role, std::istream& in,
                                std::ostream& out)
{
    const std::string address =
        requireEmail(email, role == Role::Admin && _options.count("create-admin") ? "create-admin"
                                                                                  : "create-user");
    Account account;
    account.email = address;
    account.role = role;
    account.districts = commaList(option("districts"));
    account.communes = commaList(option("communes"));
    account.clusters = commaList(option("clusters"));
    requireKnownScopes(database, account);
    std::string password;
    std::getline(in, password);
    if (!password.empty() && password.back() == '\r')
        password.pop_back();
    if (!acceptablePassword(password))
        throw StartupError("the password (read from stdin) needs 12 characters or more");
    try
    {
        const auto id = persistence::AccountRepository(database).createUser(
            account, hashPassword(password), operatorContext(clock));
        out << "created " << code(role) << " " << address << " (user " << id << ")" << std::endl;
    }
    catch (const persistence::DuplicateAccount&)
    {
        throw StartupError("an account with the email " + address + " already exists");
    }
    return 0;
}

int AccountCommands::createToken(persistence::Database& database, const Clock& clock,
                                 std::ostream& out)
{
    const std::string email =
        normalisedEmail(option("create-token")).value_or(option("create-token"));
    persistence::AccountRepository accounts(database);
    const auto stored = accounts.findByEmail(email);
    if (!stored)
        throw StartupError("no account has the email " + email);
    const std::string daysText = option("token-days");
    const auto days =
        daysText.empty() ? std::optional<long long>(kDefaultTokenDays) : parseWholeNumber(daysText);
    if (!days || *days < 1 || *days > 3650)
        throw StartupError("--token-days must be a number of days from 1 to 3650, not '" +
                           daysText + "'");
    const long long expires = clock.unixSeconds() + *days * 86400;
    const std::string token = newSecret();
    persistence::SignInRepository(database).addToken(stored->account.id, digestOf(token),
                                                     clock.nowRfc3339(), expires);
    out << "API token for " << email << " (" << code(stored->account.role) << "), valid for "
        << *days << " days; it is shown only now, keep it secret:" << std::endl;
    out << token << std::endl;
    return 0;
}

int AccountCommands::revokeTokens(persistence::Database& database, const Clock& clock,
                                  std::ostream& out)
{
    const std::string email =
        normalisedEmail(option("revoke-tokens")).value_or(option("revoke-tokens"));
    const auto stored = persistence::AccountRepository(database).findByEmail(email);
    if (!stored)
        throw StartupError("no account has the email " + email);
    const int revoked = persistence::SignInRepository(database).revokeTokens(stored->account.id,
                                                                             clock.nowRfc3339());
    out << "revoked " << revoked << " API token(s) of " << email << std::endl;
    return 0;
}

int AccountCommands::import(persistence::Database& database, const Clock& clock, std::ostream& out,
                            std::ostream& err)
{
    const auto kind = importKindFromCode(option("import"));
    if (!kind)
        throw StartupError("--import must be tenants or reports, not '" + option("import") + "'");
    if (_importFile.empty())
        throw StartupError("--import needs the CSV file, e.g. --import=tenants tenants.csv");
    ImportRequest request;
    request.kind = *kind;
    request.csv = readFile(_importFile);
    request.dryRun = _options.count("dry-run") > 0;
    request.audit = operatorContext(clock);
    request.today = clock.todayInHanoi();
    request.progress = [&err](const std::string& phase, std::size_t done, std::size_t total)
    { err << phase << " " << done << "/" << total << std::endl; };
    err << "reading " << _importFile << std::endl;
    const auto outcome = importCsv(database, request);
    for (const auto& error : outcome.errors)
        out << "row " << error.row << (error.column.empty() ? "" : ", column " + error.column)
            << ": " << error.en << std::endl;
    out << outcome.rows << " rows, " << outcome.records << " records, " << outcome.errors.size()
        << " errors; "
        << (outcome.written  ? "written"
            : request.dryRun ? "dry run, nothing written"
                             : "nothing written")
        << std::endl;
    return outcome.errors.empty() ? 0 : 65; // EX_DATAERR
}

} // namespace tracker::net
