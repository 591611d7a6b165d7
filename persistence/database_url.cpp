#include "persistence/database_url.h"

#include <regex>

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

DatabaseUrl parseMySql(const std::string& url)
{
    static const std::regex pattern(
        R"(^mysql://([^:@/]+)(?::([^@/]*))?@([^:/]+)(?::(\d{1,5}))?/([A-Za-z0-9_$]+)$)");
    std::smatch m;
    if (!std::regex_match(url, m, pattern))
        throw InvalidDatabaseUrl("the MySQL database URL must look like "
                                 "mysql://USER:PASSWORD@HOST:PORT/DATABASE");
    const std::string port = m[4].matched ? m[4].str() : "3306";
    DatabaseUrl parsed;
    parsed.backend = Backend::MySql;
    parsed.connectString = "db=" + m[5].str() + " user=" + quoted(percentDecode(m[1].str())) +
                           " password=" + quoted(percentDecode(m[2].str())) +
                           " host=" + m[3].str() + " port=" + port + " charset=utf8mb4";
    parsed.redacted = "mysql://" + m[1].str() + (m[2].matched ? ":***" : "") + "@" + m[3].str() +
                      ":" + port + "/" + m[5].str();
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
