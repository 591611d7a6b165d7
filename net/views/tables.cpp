#include "net/views/tables.h"

#include "net/http/files.h"
#include "tracker/decimal.h"

#include <Poco/TemporaryFile.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <csv.h>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <xlsxwriter.h>

namespace tracker::net
{
namespace
{
std::string quoted(const std::string& field)
{
    std::string out(field.size() * 2 + 2, '\0');
    out.resize(csv_write(out.data(), out.size(), field.data(), field.size()));
    return out;
}

// What Excel, LibreOffice and Google Sheets start a formula with (OWASP's CSV injection list).
bool looksLikeFormula(const std::string& text)
{
    return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string::npos;
}

// One decimal, as the CSV writes it: the XLSX stores this value too, so totals agree.
double oneDecimal(double value)
{
    return std::round(value * 10) / 10;
}

std::string cellText(const Cell& cell)
{
    if (const auto* text = std::get_if<std::string>(&cell))
        return quoted(looksLikeFormula(*text) ? "'" + *text : *text);
    if (const auto* exact = std::get_if<ExactDecimal>(&cell))
        return exact->digits;
    if (const auto* integer = std::get_if<std::int64_t>(&cell))
        return std::to_string(*integer);
    if (const auto* real = std::get_if<double>(&cell))
    {
        char text[32];
        std::snprintf(text, sizeof text, "%.1f", oneDecimal(*real));
        return text;
    }
    if (const auto* date = std::get_if<Date>(&cell))
        return date->iso();
    return {};
}

struct Formats
{
    lxw_format* header;
    lxw_format* whole;    // 1,100,000,000,000 (the reader's spreadsheet groups it its way)
    lxw_format* figure;   // 24.6
    lxw_format* hectares; // 35.59, 5.2896
    lxw_format* date;     // 2026-11-30
};

Formats addFormats(lxw_workbook* workbook)
{
    const auto numbered = [workbook](const char* pattern)
    {
        lxw_format* format = workbook_add_format(workbook);
        format_set_num_format(format, pattern);
        return format;
    };
    lxw_format* header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    return {header, numbered("#,##0"), numbered("0.0"), numbered("0.00##"), numbered("yyyy-mm-dd")};
}

void writeCell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const Cell& cell,
               const Formats& formats)
{
    if (const auto* text = std::get_if<std::string>(&cell))
        worksheet_write_string(sheet, row, column, text->c_str(), nullptr);
    else if (const auto* integer = std::get_if<std::int64_t>(&cell))
        worksheet_write_number(sheet, row, column, static_cast<double>(*integer), formats.whole);
    else if (const auto* real = std::get_if<double>(&cell))
        worksheet_write_number(sheet, row, column, oneDecimal(*real), formats.figure);
    else if (const auto* exact = std::get_if<ExactDecimal>(&cell))
        worksheet_write_number(sheet, row, column, exact->value, formats.hectares);
    else if (const auto* date = std::get_if<Date>(&cell))
    {
        lxw_datetime when{date->year, date->month, date->day, 0, 0, 0};
        worksheet_write_datetime(sheet, row, column, &when, formats.date);
    }
}

// Characters, not bytes: "Cụm công nghiệp" is 15 wide.
std::size_t displayLength(const std::string& text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// How wide a cell shows: a whole number with its group separators, a date in ten characters.
std::size_t shownLength(const Cell& cell)
{
    if (const auto* text = std::get_if<std::string>(&cell))
        return displayLength(*text);
    if (const auto* integer = std::get_if<std::int64_t>(&cell))
    {
        const std::size_t digits = std::to_string(*integer).size();
        return digits + digits / 3;
    }
    if (std::holds_alternative<Date>(cell))
        return 10;
    return cellText(cell).size();
}

// Each column as wide as its widest cell (header words wrap), between 6 and 60 characters.
void setWidths(lxw_worksheet* sheet, const Table& table)
{
    for (std::size_t c = 0; c < table.header.size(); ++c)
    {
        std::size_t widest = 0;
        for (const auto& row : table.rows)
            if (c < row.size())
                widest = std::max(widest, shownLength(row[c]));
        std::size_t longestWord = 0, word = 0;
        for (const char ch : table.header[c] + " ")
        {
            if (ch == ' ')
                longestWord = std::max(longestWord, std::exchange(word, 0));
            else if ((ch & 0xC0) != 0x80)
                ++word;
        }
        widest = std::clamp<std::size_t>(
            std::max({widest, longestWord, displayLength(table.header[c]) / 2}) + 2, 6, 60);
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             static_cast<double>(widest), nullptr);
    }
}
} // namespace

Cell hectaresCell(const std::optional<std::int64_t>& squareMetres)
{
    if (!squareMetres)
        return {};
    std::string digits = formatScaledDecimal(*squareMetres, 4, 4, '.', "");
    while (digits.find('.') != std::string::npos && (digits.back() == '0' || digits.back() == '.'))
        digits.pop_back();
    return ExactDecimal{digits, std::stod(digits)};
}

std::string toCsv(const Table& table)
{
    std::string out = "\xEF\xBB\xBF";
    const auto line = [&out](const std::vector<std::string>& fields)
    {
        for (std::size_t i = 0; i < fields.size(); ++i)
            out += (i ? "," : "") + fields[i];
        out += "\r\n";
    };
    std::vector<std::string> header;
    for (const auto& name : table.header)
        header.push_back(quoted(name));
    line(header);
    for (const auto& row : table.rows)
    {
        std::vector<std::string> fields;
        for (const auto& cell : row)
            fields.push_back(cellText(cell));
        line(fields);
    }
    return out;
}

std::string toXlsx(const Table& table)
{
    // libxlsxwriter 1.1.4 (Debian 12) writes only to files: write one, read it back.
    Poco::TemporaryFile file;
    const std::string path = file.path() + ".xlsx";
    Poco::TemporaryFile::registerForDeletion(path);
    lxw_workbook* workbook = workbook_new(path.c_str());
    if (!workbook)
        throw std::runtime_error("cannot create a workbook at " + path);
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.sheetName.c_str());
    const Formats formats = addFormats(workbook);
    for (std::size_t c = 0; c < table.header.size(); ++c)
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.header[c].c_str(),
                               formats.header);
    worksheet_freeze_panes(sheet, 1, 0);
    setWidths(sheet, table);
    for (std::size_t r = 0; r < table.rows.size(); ++r)
    {
        for (std::size_t c = 0; c < table.rows[r].size(); ++c)
            writeCell(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                      table.rows[r][c], formats);
    }
    if (workbook_close(workbook) != LXW_NO_ERROR)
        throw std::runtime_error("cannot write the workbook " + path);
    std::string bytes = readFile(path);
    std::remove(path.c_str());
    return bytes;
}

} // namespace tracker::net
