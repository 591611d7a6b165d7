#include "tracker/report_period.h"

#include <charconv>

namespace tracker
{

std::string_view code(StatutoryForm form)
{
    switch (form)
    {
    case StatutoryForm::Tenant01:
        return "01";
    case StatutoryForm::Developer02:
        return "02";
    case StatutoryForm::Commune03:
        return "03";
    case StatutoryForm::City04:
        return "04";
    }
    return "";
}

std::optional<StatutoryForm> statutoryFormFromCode(std::string_view text)
{
    for (const auto form : {StatutoryForm::Tenant01, StatutoryForm::Developer02,
                            StatutoryForm::Commune03, StatutoryForm::City04})
        if (code(form) == text)
            return form;
    return std::nullopt;
}

Date ReportPeriod::firstDay() const
{
    return Date{year - 1, 12, 15};
}

Date ReportPeriod::lastDay() const
{
    return halfYear ? Date{year, 6, 14} : Date{year, 12, 14};
}

Date ReportPeriod::dueBefore(StatutoryForm form) const
{
    const int month = halfYear ? 6 : 12;
    switch (form)
    {
    case StatutoryForm::Tenant01:
    case StatutoryForm::Developer02:
        return Date{year, month, 20};
    case StatutoryForm::Commune03:
        return Date{year, month, 25};
    case StatutoryForm::City04:
        return halfYear ? Date{year, 6, 30} : Date{year, 12, 31};
    }
    return lastDay();
}

std::string ReportPeriod::code() const
{
    return std::to_string(year) + (halfYear ? "-H1" : "-Y");
}

std::string ReportPeriod::nameVi() const
{
    return (halfYear ? "6 tháng đầu năm " : "năm ") + std::to_string(year);
}

std::string ReportPeriod::nameEn() const
{
    return (halfYear ? "first half of " : "year ") + std::to_string(year);
}

std::optional<ReportPeriod> ReportPeriod::parse(std::string_view text)
{
    if (text.size() < 6 || text[4] != '-')
        return std::nullopt;
    int year = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + 4, year);
    if (error != std::errc() || end != text.data() + 4 || year < 2000 || year > 2200)
        return std::nullopt;
    const auto kind = text.substr(5);
    if (kind == "H1")
        return ReportPeriod{year, true};
    if (kind == "Y")
        return ReportPeriod{year, false};
    return std::nullopt;
}

ReportPeriod ReportPeriod::current(const Date& day)
{
    // From 15/12 a new year's reporting starts; 15/6–14/12 is the year's second half,
    // reported only in the annual form.
    const int year = day.month == 12 && day.day >= 15 ? day.year + 1 : day.year;
    const ReportPeriod half{year, true};
    return day <= half.lastDay() ? half : ReportPeriod{year, false};
}

} // namespace tracker
