#pragma once

#include "tracker/date.h"

#include <optional>
#include <string>
#include <string_view>

namespace tracker
{

// The four half-yearly forms of Thông tư 14/2024/TT-BCT, Phụ lục I.
enum class StatutoryForm
{
    Tenant01,    // Biểu 01: each secondary tenant's project
    Developer02, // Biểu 02: each infrastructure developer
    Commune03, // Biểu 03: the commune People's Committee (cấp huyện read as cấp xã since 1/7/2025)
    City04 // Biểu 04: the Sở Công Thương, for the city
};

std::string_view code(StatutoryForm form); // "01" … "04"
std::optional<StatutoryForm> statutoryFormFromCode(std::string_view code);

// A reporting period (Điều 3 khoản 2): the half-year "2026-H1" runs from 15/12/2025 to
// 14/06/2026, the year "2026-Y" from 15/12/2025 to 14/12/2026. Calendar dates in Hanoi.
struct ReportPeriod
{
    int year = 2026;
    bool halfYear = true;

    auto operator<=>(const ReportPeriod&) const = default;

    Date firstDay() const; // 15/12 of the year before
    Date lastDay() const;  // the cut-off: 14/06 or 14/12
    bool covers(const Date& day) const { return firstDay() <= day && day <= lastDay(); }
    // The day the form must be sent before (Điều 3 khoản 3): 20/6 or 20/12 for Biểu 01
    // and 02, 25/6 or 25/12 for Biểu 03, 30/6 or 31/12 for Biểu 04.
    Date dueBefore(StatutoryForm form) const;
    // The last day on which filing is on time: the day before dueBefore().
    Date lastDayToFile(StatutoryForm form) const { return dueBefore(form).plusDays(-1); }
    std::string code() const;   // "2026-H1" or "2026-Y"
    std::string nameVi() const; // "6 tháng đầu năm 2026" / "năm 2026"
    std::string nameEn() const; // "first half of 2026" / "year 2026"

    // The periods in the order they are reported: 2026-H1, 2026-Y, 2027-H1, …
    ReportPeriod next() const
    {
        return halfYear ? ReportPeriod{year, false} : ReportPeriod{year + 1, true};
    }
    ReportPeriod previous() const
    {
        return halfYear ? ReportPeriod{year - 1, false} : ReportPeriod{year, true};
    }

    static std::optional<ReportPeriod> parse(std::string_view text);
    // The period whose cut-off is the first on or after `day`: what is being reported on.
    static ReportPeriod current(const Date& day);
};

} // namespace tracker
