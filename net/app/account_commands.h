#pragma once

#include "persistence/database.h"
#include "tracker/clock.h"
#include "tracker/roles.h"

#include <iosfwd>
#include <map>
#include <string>

namespace tracker::net
{

// The command line's account and import commands (the option names are part of the
// interface): --create-admin=EMAIL, --create-user=EMAIL --role=… [--districts=…]
// [--clusters=…] (the password is read from stdin; there is never a default one),
// --create-token=EMAIL (the token is the last line of stdout) and
// --import=tenants|reports FILE [--dry-run]. Each throws StartupError for bad input.
class AccountCommands
{
public:
    // The option names this class handles, all taking an argument but --dry-run.
    static bool handles(const std::string& option);
    void set(const std::string& option, const std::string& value) { _options[option] = value; }
    bool requested() const;
    void setImportFile(const std::string& path) { _importFile = path; }
    bool wantsFile() const { return _options.count("import") > 0; }

    int run(persistence::Database& database, const Clock& clock, std::istream& in,
            std::ostream& out, std::ostream& err);

private:
    int createUser(persistence::Database& database, const Clock& clock, const std::string& email,
                   Role role, std::istream& in, std::ostream& out);
    int createToken(persistence::Database& database, const Clock& clock, std::ostream& out);
    int revokeTokens(persistence::Database& database, const Clock& clock, std::ostream& out);
    int import(persistence::Database& database, const Clock& clock, std::ostream& out,
               std::ostream& err);
    std::string option(const std::string& name) const;

    std::map<std::string, std::string> _options;
    std::string _importFile;
};

} // namespace tracker::net
