#include "persistence/database_url.h"

#include <string>

namespace tracker::persistence
{
namespace
{
int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// A password may hold '@' or ':' written as %40 or %3A, as in any URL.
std::string percentDecode(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
            hexValue(text[i + 2]) >= 0)
        {
            out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        }
        else
            out += text[i];
    }
    return out;
}

// SOCI's connect string is "key=value ..."; quote values so spaces cannot inject keys.
std::string quoted(const std::string& value)
{
    std::string out = "'";
    for (const char c : value)
    {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

constexpr std::size_t kLongestUrl = 2048;
const char* const kMySqlShape = "the MySQL database URL must look like "
                                "mysql://USER:PASSWORD@HOST:PORT/DATABASE";

bool allOf(const std::string& text, const char* allowed)
{
    return !text.empty() && text.find_first_not_of(allowed) == std::string::npos;
}

// The parts of mysql://USER[:PASSWORD]@HOST[:PORT]/DATABASE, read by hand: a regex's
// recursion overflowed the stack on a 50 KB URL, and let '@' into the host, so that a
// password holding a raw '@' was printed in the connection error.
struct MySqlParts
{
    std::string user, password, host, port = "3306", database;
    bool hasPassword = false;
};

MySqlParts splitMySql(const std::string& url)
{
    const std::string rest = url.substr(std::string("mysql://").size());
    const auto slash = rest.rfind('/');
    const auto at = rest.find('@');
    if (slash == std::string::npos || at == std::string::npos || at > slash)
        throw InvalidDatabaseUrl(kMySqlShape);
    if (rest.find('@', at + 1) != std::string::npos)
        throw InvalidDatabaseUrl("the MySQL database URL has more than one '@': write an '@' in "
                                 "the password as %40");
    MySqlParts parts;
    const std::string user = rest.substr(0, at), host = rest.substr(at + 1, slash - at - 1);
    const auto colon = user.find(':');
    parts.user = user.substr(0, colon);
    parts.hasPassword = colon != std::string::npos;
    parts.password = parts.hasPassword ? user.substr(colon + 1) : "";
    const auto portColon = host.find(':');
    parts.host = host.substr(0, portColon);
    if (portColon != std::string::npos)
        parts.port = host.substr(portColon + 1);
    parts.database = rest.substr(slash + 1);
    return parts;
}

DatabaseUrl parseMySql(const std::string& url)
{
    if (url.size() > kLongestUrl)
        throw InvalidDatabaseUrl("the database URL is longer than 2048 characters");
    const MySqlParts m = splitMySql(url);
    const bool portOk = allOf(m.port, "0123456789") && m.port.size() <= 5 &&
                        std::stoi(m.port) > 0 && std::stoi(m.port) <= 65535;
    if (m.user.empty() || m.user.find('/') != std::string::npos ||
        !allOf(m.host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_") ||
        !portOk ||
        !allOf(m.database, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$"))
        throw InvalidDatabaseUrl(kMySqlShape);
    DatabaseUrl parsed;
    parsed.backend = Backend::MySql;
    parsed.connectString = "db=" + m.database + " user=" + quoted(percentDecode(m.user)) +
                           " password=" + quoted(percentDecode(m.password)) + " host=" + m.host +
                           " port=" + m.port + " charset=utf8mb4";
    parsed.redacted = "mysql://" + m.user + (m.hasPassword ? ":***" : "") + "@" + m.host + ":" +
                      m.port + "/" + m.database;
    return parsed;
}
} // namespace

DatabaseUrl DatabaseUrl::parse(const std::string& url)
{
    if (url.rfind("sqlite:", 0) == 0)
    {
        const std::string path = url.substr(7);
        if (path.empty())
            throw InvalidDatabaseUrl("the SQLite database URL needs a file: sqlite:PATH");
        // SOCI's SQLite backend reads db="..." with no escapes, so a quote cannot be passed.
        if (path.find('"') != std::string::npos)
            throw InvalidDatabaseUrl("the SQLite file name cannot contain a double quote");
        return DatabaseUrl{Backend::Sqlite, "db=\"" + path + "\"", url, path};
    }
    if (url.rfind("mysql://", 0) == 0 || url.rfind("mariadb://", 0) == 0)
        return parseMySql(url.rfind("mariadb://", 0) == 0 ? "mysql://" + url.substr(10) : url);
    throw InvalidDatabaseUrl("unknown database URL '" + url.substr(0, url.find(':')) +
                             ":…': use sqlite:PATH or mysql://USER:PASSWORD@HOST:PORT/DATABASE");
}

} // namespace tracker::persistence
