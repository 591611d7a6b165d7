#pragma once

#include "tracker/report_period.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracker
{

// How an indicator's value is held (exactly, in the base unit) and shown (in the form's).
enum class IndicatorKind
{
    Section, // a heading row (I, II, III): no value
    Vnd,     // stored in VND, shown in tỷ đồng
    Area,    // stored in m², shown in ha
    Percent, // stored in hundredths of a per cent, shown in %
    Count,   // clusters, projects, plants
    People,  // workers
    Income,  // VND per worker per month, shown in triệu đồng/người/tháng
    Flag     // 1 or 0
};

// One row of a form, in the official order, numbering and Vietnamese wording (Thông tư
// 14/2024/TT-BCT, Phụ lục I); the English is a translation.
struct Indicator
{
    std::string_view no; // "1", "15.1", "I"
    std::string_view nameVi;
    std::string_view nameEn;
    std::string_view unitVi;
    std::string_view unitEn;
    IndicatorKind kind;
};

struct FormDefinition
{
    StatutoryForm form;
    std::string_view titleVi;
    std::string_view titleEn;
    std::string_view senderVi; // Đơn vị gửi báo cáo
    std::string_view receiversVi; // Đơn vị nhận báo cáo (cấp huyện read as cấp xã, TT 38/2025)
    std::string_view signatureVi; // the signature block's title
    const std::vector<Indicator>& indicators;
};

const FormDefinition& definitionOf(StatutoryForm form);

// A value as the form shows it: "1.100", "30,6", "45,20" (Vietnamese) or "1,100", "30.6".
std::string formatIndicator(IndicatorKind kind, long long value, bool english);
// The value in the form's unit as a number, for JSON and spreadsheets (tỷ đồng, ha, %).
double indicatorInFormUnit(IndicatorKind kind, long long value);
// Reads what a person typed in the form's unit ("1.100,5" or "1100.5" tỷ đồng → VND):
// nothing when it cannot be held exactly or is negative.
std::optional<long long> parseIndicator(IndicatorKind kind, std::string_view text);

} // namespace tracker
