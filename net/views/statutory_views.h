#pragma once

#include "net/views/locale.h"
#include "tracker/statutory_figures.h"

#include <kainjow/mustache.hpp>
#include <string>

namespace tracker::net
{

// What a page shows of a form, laid out like the official one (Phụ lục I, TT 14/2024):
// the form number, title, sending and receiving units, period and deadline, the table
// TT / Chỉ tiêu / Đơn vị tính / Kết quả / Ghi chú, and the date and signature block.
struct StatutoryPageInput
{
    const StatutoryReport& report;
    const SummaryFigures* summary; // Biểu 03/04: the drill-down and what is missing
    std::string unitName;
    bool editable = false; // inputs for the figures (the filer, while draft or returned)
};

kainjow::mustache::data statutoryPageView(const StatutoryPageInput& input, Language language);

// The same form as an XLSX sheet in the official layout, numbers as numbers with the
// form's number formats (tỷ đồng to three decimals, ha to four, % to two).
std::string statutoryXlsx(const StatutoryPageInput& input);

} // namespace tracker::net
