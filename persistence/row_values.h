#pragma once

#include "tracker/date.h"

#include <optional>
#include <string>

namespace soci
{
class row;
}

namespace tracker::persistence
{

// Typed reads from a soci::row that work on both backends: the same column comes back
// as int from one and long long or a date struct from the other.
std::optional<long long> optionalInteger(const soci::row& row, const std::string& column);
long long integer(const soci::row& row, const std::string& column);
std::string text(const soci::row& row, const std::string& column); // "" for NULL
std::optional<Date> optionalDate(const soci::row& row, const std::string& column);
Date date(const soci::row& row, const std::string& column);

} // namespace tracker::persistence
