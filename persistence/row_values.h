#pragma once

#include "tracker/date.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace soci
{
class row;
class session;
} // namespace soci

namespace tracker::persistence
{

// Typed reads from a soci::row that work on both backends: the same column comes back
// as int from one and long long or a date struct from the other.
std::optional<long long> optionalInteger(const soci::row& row, const std::string& column);
long long integer(const soci::row& row, const std::string& column);
std::string text(const soci::row& row, const std::string& column); // "" for NULL
std::optional<Date> optionalDate(const soci::row& row, const std::string& column);

// Runs a query with text parameters bound in order and calls `each` for every row, up to
// `limit` rows (0: all). SOCI's rowset cannot take a parameter list of run-time length.
void forEachRow(soci::session& session, const std::string& sql,
                const std::vector<std::string>& parameters,
                const std::function<void(const soci::row&)>& each, std::size_t limit = 0);
// The same, with whole numbers bound after the text: LIMIT and OFFSET, which MySQL does not
// take as quoted text.
void forEachRow(soci::session& session, const std::string& sql,
                const std::vector<std::string>& parameters, const std::vector<long long>& numbers,
                const std::function<void(const soci::row&)>& each);
Date date(const soci::row& row, const std::string& column);

} // namespace tracker::persistence
