#include "tracker/field_checks.h"

#include "tracker/text_checks.h"

namespace tracker
{

void FieldChecks::add(const std::string& field, std::string vi, std::string en)
{
    _errors.push_back({field, std::move(vi), std::move(en)});
}

std::string FieldChecks::text(const std::string& field, const std::string& value,
                              std::size_t maxChars, bool required)
{
    if (!isValidUtf8(value))
    {
        add(field, "Văn bản không phải UTF-8 hợp lệ.", "The text is not valid UTF-8.");
        return {};
    }
    if (hasControlCharacters(value))
    {
        add(field, "Văn bản chứa ký tự điều khiển.", "The text contains control characters.");
        return {};
    }
    if (required && value.find_first_not_of(" \t\r\n") == std::string::npos)
    {
        add(field, "Bắt buộc nhập.", "Required.");
        return {};
    }
    if (codePointCount(value) > maxChars)
    {
        add(field, "Dài quá " + std::to_string(maxChars) + " ký tự.",
            "Longer than " + std::to_string(maxChars) + " characters.");
        return {};
    }
    return value;
}

std::optional<long long> FieldChecks::whole(const std::string& field, const std::string& value,
                                            bool required, long long maximum)
{
    if (value.empty())
    {
        if (required)
            add(field, "Bắt buộc nhập.", "Required.");
        return std::nullopt;
    }
    const auto number = parseGroupedWholeNumber(value);
    if (!number)
    {
        add(field, "Phải là số nguyên không âm, ví dụ 600000000 hoặc 600.000.000.",
            "Must be a whole number of zero or more, for example 600000000 or 600,000,000.");
        return std::nullopt;
    }
    if (*number > maximum)
    {
        add(field, "Không được lớn hơn " + std::to_string(maximum) + ".",
            "Must not be more than " + std::to_string(maximum) + ".");
        return std::nullopt;
    }
    return number;
}

std::optional<Date> FieldChecks::date(const std::string& field, const std::string& value,
                                      bool required)
{
    if (value.empty())
    {
        if (required)
            add(field, "Bắt buộc nhập.", "Required.");
        return std::nullopt;
    }
    const auto parsed = Date::parseIso(value);
    if (!parsed || parsed->year < 1990 || parsed->year > 2100)
    {
        add(field, "Ngày không hợp lệ (dạng YYYY-MM-DD).", "Not a valid date (YYYY-MM-DD).");
        return std::nullopt;
    }
    return parsed;
}

} // namespace tracker
