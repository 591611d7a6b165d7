#include "net/views/statutory_views.h"

#include "net/http/files.h"

#include <Poco/TemporaryFile.h>
#include <cstdio>
#include <stdexcept>
#include <xlsxwriter.h>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;

std::string deadlineText(const StatutoryReport& report)
{
    const auto due = report.period.dueBefore(report.form);
    return "Thời hạn gửi báo cáo: trước ngày " + std::to_string(due.day) + " tháng " +
           std::to_string(due.month) + " năm " + std::to_string(due.year);
}

std::vector<std::string> behind(const SummaryFigures* summary, std::string_view no)
{
    if (summary)
        for (const auto& row : summary->rows)
            if (row.value.no == no)
                return row.clusters;
    return {};
}

data indicatorRows(const StatutoryPageInput& input, Language language)
{
    const bool en = language == Language::En;
    data rows{data::type::list};
    for (const auto& indicator : definitionOf(input.report.form).indicators)
    {
        const auto* value = input.report.value(indicator.no);
        data row;
        row.set("no", std::string(indicator.no));
        row.set("name", std::string(indicator.nameVi));
        row.set("name_en", en ? std::string(indicator.nameEn) : std::string());
        row.set("unit", std::string(en ? indicator.unitEn : indicator.unitVi));
        row.set("section", indicator.kind == IndicatorKind::Section);
        row.set("value", value && value->value ? formatIndicator(indicator.kind, *value->value, en)
                                               : std::string());
        row.set("value_input", value && value->value
                                   ? formatIndicator(indicator.kind, *value->value, false)
                                   : std::string());
        row.set("note", value ? value->note : std::string());
        row.set("editable", input.editable && indicator.kind != IndicatorKind::Section);
        data links{data::type::list};
        for (const auto& code : behind(input.summary, indicator.no))
        {
            data link;
            link.set("code", code);
            links.push_back(link);
        }
        row.set("clusters", links);
        rows.push_back(row);
    }
    return rows;
}
} // namespace

data statutoryPageView(const StatutoryPageInput& input, Language language)
{
    const auto& report = input.report;
    const auto& definition = definitionOf(report.form);
    data view;
    view.set("form", std::string(code(report.form)));
    view.set("form_title", std::string(definition.titleVi));
    view.set("title_en",
             language == Language::En ? std::string(definition.titleEn) : std::string());
    view.set("sender", std::string(definition.senderVi));
    view.set("unit_name", input.unitName);
    view.set("receivers", std::string(definition.receiversVi));
    view.set("period", report.period.nameVi() + " (" + report.period.firstDay().vietnamese() +
                           " – " + report.period.lastDay().vietnamese() + ")");
    view.set("period_code", report.period.code());
    view.set("unit_key", report.unitKey);
    view.set("deadline", deadlineText(report));
    view.set("state",
             std::string(language == Language::En ? labelEn(report.state) : labelVi(report.state)));
    view.set("state_code", std::string(code(report.state)));
    view.set("version", std::to_string(report.version));
    view.set("review_comment", report.reviewComment);
    view.set("has_comment", !report.reviewComment.empty());
    view.set("signature", std::string(definition.signatureVi));
    view.set("rows", indicatorRows(input, language));
    view.set("editable", input.editable);
    data missing{data::type::list};
    if (input.summary)
        for (const auto& line : input.summary->missing)
        {
            data item;
            item.set("text", line);
            missing.push_back(item);
        }
    view.set("missing", missing);
    view.set("has_missing", input.summary && !input.summary->missing.empty());
    return view;
}

namespace
{
const char* numberFormat(IndicatorKind kind)
{
    switch (kind)
    {
    case IndicatorKind::Vnd:
        return "#,##0.000";
    case IndicatorKind::Area:
        return "#,##0.0000";
    case IndicatorKind::Percent:
    case IndicatorKind::Income:
        return "0.00";
    default:
        return "#,##0";
    }
}
} // namespace

std::string statutoryXlsx(const StatutoryPageInput& input)
{
    const auto& report = input.report;
    const auto& definition = definitionOf(report.form);
    Poco::TemporaryFile file;
    const std::string path = file.path() + ".xlsx";
    Poco::TemporaryFile::registerForDeletion(path);
    lxw_workbook* workbook = workbook_new(path.c_str());
    if (!workbook)
        throw std::runtime_error("cannot create a workbook at " + path);
    lxw_worksheet* sheet =
        workbook_add_worksheet(workbook, ("Bieu " + std::string(code(report.form))).c_str());
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format* title = workbook_add_format(workbook);
    format_set_bold(title);
    format_set_align(title, LXW_ALIGN_CENTER);
    format_set_text_wrap(title);
    lxw_format* header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_align(header, LXW_ALIGN_CENTER);
    format_set_text_wrap(header);
    lxw_format* cell = workbook_add_format(workbook);
    format_set_border(cell, LXW_BORDER_THIN);
    format_set_text_wrap(cell);
    worksheet_set_column(sheet, 0, 0, 6, nullptr);
    worksheet_set_column(sheet, 1, 1, 70, nullptr);
    worksheet_set_column(sheet, 2, 2, 16, nullptr);
    worksheet_set_column(sheet, 3, 3, 16, nullptr);
    worksheet_set_column(sheet, 4, 4, 40, nullptr);
    worksheet_write_string(sheet, 0, 4, ("Biểu số " + std::string(code(report.form))).c_str(),
                           bold);
    worksheet_merge_range(sheet, 1, 0, 1, 4, std::string(definition.titleVi).c_str(), title);
    const std::string lines[] = {
        "Đơn vị gửi báo cáo: " + std::string(definition.senderVi) + " — " + input.unitName,
        "Đơn vị nhận báo cáo: " + std::string(definition.receiversVi),
        "Kỳ báo cáo: " + report.period.nameVi() + " (" + report.period.firstDay().vietnamese() +
            " – " + report.period.lastDay().vietnamese() + ")",
        "(" + deadlineText(report) + ")", "Trạng thái: " + std::string(labelVi(report.state))};
    lxw_row_t row = 2;
    for (const auto& line : lines)
        worksheet_write_string(sheet, row++, 0, line.c_str(), nullptr);
    ++row;
    const char* headings[] = {"TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"};
    for (lxw_col_t c = 0; c < 5; ++c)
    {
        worksheet_write_string(sheet, row, c, headings[c], header);
        worksheet_write_string(sheet, row + 1, c, ("(" + std::to_string(c + 1) + ")").c_str(),
                               header);
    }
    row += 2;
    for (const auto& indicator : definition.indicators)
    {
        const auto* value = report.value(indicator.no);
        const bool section = indicator.kind == IndicatorKind::Section;
        lxw_format* number = workbook_add_format(workbook);
        format_set_border(number, LXW_BORDER_THIN);
        format_set_num_format(number, numberFormat(indicator.kind));
        worksheet_write_string(sheet, row, 0, std::string(indicator.no).c_str(),
                               section ? header : cell);
        worksheet_write_string(sheet, row, 1, std::string(indicator.nameVi).c_str(),
                               section ? header : cell);
        worksheet_write_string(sheet, row, 2, std::string(indicator.unitVi).c_str(), cell);
        if (value && value->value)
            worksheet_write_number(sheet, row, 3,
                                   indicatorInFormUnit(indicator.kind, *value->value), number);
        else
            worksheet_write_blank(sheet, row, 3, cell);
        worksheet_write_string(sheet, row, 4, value ? value->note.c_str() : "", cell);
        ++row;
    }
    row += 1;
    worksheet_write_string(sheet, row++, 3, "Hà Nội, ngày … tháng … năm …", nullptr);
    worksheet_write_string(sheet, row++, 3, std::string(definition.signatureVi).c_str(), bold);
    worksheet_write_string(sheet, row, 3, "(Chữ ký, họ và tên, chức danh, dấu)", nullptr);
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9); // A4
    worksheet_fit_to_pages(sheet, 1, 0);
    if (workbook_close(workbook) != LXW_NO_ERROR)
        throw std::runtime_error("cannot write the workbook " + path);
    std::string bytes = readFile(path);
    std::remove(path.c_str());
    return bytes;
}

} // namespace tracker::net
