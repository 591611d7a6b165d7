#pragma once

#include <stdexcept>
#include <string>

namespace tracker::persistence
{

enum class Backend
{
    Sqlite,
    MySql
};

// Where the data lives: `sqlite:PATH` or `mysql://USER:PASS@HOST:PORT/DB`.
struct DatabaseUrl
{
    Backend backend = Backend::Sqlite;
    std::string connectString; // for SOCI; holds the password, so never log it
    std::string redacted;      // safe to print
    std::string filePath;      // SQLite's file; empty for a server

    static DatabaseUrl parse(const std::string& url); // throws InvalidDatabaseUrl
};

class InvalidDatabaseUrl : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace tracker::persistence
