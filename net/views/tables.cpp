#include "net/views/tables.h"

#include "net/http/files.h"

#include <Poco/TemporaryFile.h>
#include <cstdio>
#include <csv.h>
#include <stdexcept>
#include <string_view>
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
        std::snprintf(text, sizeof text, "%.1f", *real);
        return text;
    }
    return {};
}

void writeCell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const Cell& cell)
{
    if (const auto* text = std::get_if<std::string>(&cell))
        worksheet_write_string(sheet, row, column, text->c_str(), nullptr);
    else if (const auto* integer = std::get_if<std::int64_t>(&cell))
        worksheet_write_number(sheet, row, column, static_cast<double>(*integer), nullptr);
    else if (const auto* real = std::get_if<double>(&cell))
        worksheet_write_number(sheet, row, column, *real, nullptr);
    else if (const auto* exact = std::get_if<ExactDecimal>(&cell))
        worksheet_write_number(sheet, row, column, exact->value, nullptr);
}
} // namespace

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
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    for (std::size_t c = 0; c < table.header.size(); ++c)
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.header[c].c_str(), bold);
    worksheet_freeze_panes(sheet, 1, 0);
    for (std::size_t r = 0; r < table.rows.size(); ++r)
    {
        for (std::size_t c = 0; c < table.rows[r].size(); ++c)
            writeCell(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                      table.rows[r][c]);
    }
    if (workbook_close(workbook) != LXW_NO_ERROR)
        throw std::runtime_error("cannot write the workbook " + path);
    std::string bytes = readFile(path);
    std::remove(path.c_str());
    return bytes;
}

} // namespace tracker::net
