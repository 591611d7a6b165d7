#include "persistence/row_values.h"

#include <cmath>
#include <ctime>
#include <soci/soci.h>
#include <stdexcept>

namespace tracker::persistence
{
namespace
{
bool isNull(const soci::row& row, const std::string& column)
{
    return row.get_indicator(column) == soci::i_null;
}

[[noreturn]] void badColumn(const std::string& column, const std::string& why)
{
    throw std::runtime_error("column " + column + ": " + why);
}
} // namespace

std::optional<long long> optionalInteger(const soci::row& row, const std::string& column)
{
    if (isNull(row, column))
        return std::nullopt;
    switch (row.get_properties(column).get_data_type())
    {
    case soci::dt_integer:
        return row.get<int>(column);
    case soci::dt_long_long:
        return row.get<long long>(column);
    case soci::dt_unsigned_long_long:
        return static_cast<long long>(row.get<unsigned long long>(column));
    case soci::dt_double: // MySQL reports SUM() and DECIMAL as double; ours stay far below 2^53
        return std::llround(row.get<double>(column));
    case soci::dt_string:
        try
        {
            return std::stoll(row.get<std::string>(column));
        }
        catch (const std::exception&)
        {
            badColumn(column, "not an integer");
        }
    default:
        badColumn(column, "not an integer");
    }
}

long long integer(const soci::row& row, const std::string& column)
{
    const auto value = optionalInteger(row, column);
    if (!value)
        badColumn(column, "unexpected NULL");
    return *value;
}

std::string text(const soci::row& row, const std::string& column)
{
    if (isNull(row, column))
        return "";
    switch (row.get_properties(column).get_data_type())
    {
    case soci::dt_string:
        return row.get<std::string>(column);
    case soci::dt_date:
    {
        const std::tm tm = row.get<std::tm>(column);
        return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday}.iso();
    }
    default:
        return std::to_string(integer(row, column));
    }
}

std::optional<Date> optionalDate(const soci::row& row, const std::string& column)
{
    if (isNull(row, column))
        return std::nullopt;
    const std::string value = text(row, column);
    const auto parsed = Date::parseIso(value.substr(0, 10));
    if (!parsed)
        badColumn(column, "not a date: " + value);
    return parsed;
}

Date date(const soci::row& row, const std::string& column)
{
    const auto value = optionalDate(row, column);
    if (!value)
        badColumn(column, "unexpected NULL");
    return *value;
}

namespace
{
void eachRowOf(soci::session& session, const std::string& sql,
               const std::vector<std::string>& parameters, const std::vector<long long>& numbers,
               const std::function<void(const soci::row&)>& each, std::size_t limit)
{
    soci::statement statement(session);
    soci::row row;
    statement.exchange(soci::into(row));
    for (const auto& parameter : parameters)
        statement.exchange(soci::use(parameter));
    for (const auto& number : numbers)
        statement.exchange(soci::use(number));
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
    if (!statement.execute(true))
        return;
    std::size_t seen = 0;
    do
    {
        each(row);
        if (limit != 0 && ++seen >= limit)
            return;
    } while (statement.fetch());
}
} // namespace

void forEachRow(soci::session& session, const std::string& sql,
                const std::vector<std::string>& parameters,
                const std::function<void(const soci::row&)>& each, std::size_t limit)
{
    eachRowOf(session, sql, parameters, {}, each, limit);
}

void forEachRow(soci::session& session, const std::string& sql,
                const std::vector<std::string>& parameters, const std::vector<long long>& numbers,
                const std::function<void(const soci::row&)>& each)
{
    eachRowOf(session, sql, parameters, numbers, each, 0);
}

} // namespace tracker::persistence
