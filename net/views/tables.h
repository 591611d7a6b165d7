#pragma once

#include "tracker/date.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tracker::net
{

// A sheet of data for downloads: one header row, then rows of text or numbers. Numbers
// stay numbers in XLSX so that spreadsheets can sum them; in CSV they are written with a
// dot and no grouping, which every spreadsheet reads.
// An exact decimal (hectares from whole m²): its digits as written, so that a CSV keeps every
// one of them; XLSX stores its value as a number.
struct ExactDecimal
{
    std::string digits; // "5.29"
    double value = 0;
};
// A percentage or other measured figure, shown and summed with one decimal in both formats.
// A calendar date: ISO 8601 in CSV, a real date (shown yyyy-mm-dd) in XLSX.
using Cell = std::variant<std::monostate, std::string, std::int64_t, double, ExactDecimal, Date>;

// Hectares from whole m²: a shift of four digits, every one kept, trailing zeros dropped
// ("5.29"); empty when the area is unknown.
Cell hectaresCell(const std::optional<std::int64_t>& squareMetres);

struct Table
{
    std::string sheetName;
    std::vector<std::string> header;
    std::vector<std::vector<Cell>> rows;
};

// UTF-8 with a byte-order mark (Excel needs it to show Vietnamese), RFC 4180 quoting. A text
// cell that a spreadsheet would take for a formula (starting with = + - @, TAB or CR) is
// written with a leading apostrophe, so that a tenant named =HYPERLINK(…) stays text.
std::string toCsv(const Table& table);
// Office Open XML workbook with one sheet, written by libxlsxwriter: a bold frozen header,
// columns as wide as their content, whole numbers grouped (#,##0), figures with one decimal,
// hectares with two to four, dates as dates. Each number is the value the CSV writes, so
// that a column's total is the same in both.
std::string toXlsx(const Table& table);

} // namespace tracker::net
