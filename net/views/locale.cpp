#include "net/views/locale.h"

#include "tracker/decimal.h"
#include "tracker/text_checks.h"

#include <cmath>

namespace tracker::net
{

std::string_view code(Language language)
{
    return language == Language::Vi ? "vi" : "en";
}

std::optional<Language> languageFromCode(std::string_view code)
{
    if (code == "vi")
        return Language::Vi;
    if (code == "en")
        return Language::En;
    return std::nullopt;
}

std::string Formatter::number(double value, int decimals) const
{
    long long scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    const auto scaled = static_cast<std::int64_t>(std::llround(value * static_cast<double>(scale)));
    return _language == Language::Vi ? formatScaledDecimal(scaled, decimals, decimals, ',', ".")
                                     : formatScaledDecimal(scaled, decimals, decimals, '.', ",");
}

std::string Formatter::groupedWhole(const std::string& typed) const
{
    const auto value = parseWholeNumber(typed);
    if (!value)
        return typed;
    return _language == Language::Vi ? formatScaledDecimal(*value, 0, 0, ',', ".")
                                     : formatScaledDecimal(*value, 0, 0, '.', ",");
}

std::string Formatter::hectares(const std::optional<SquareMetres>& area) const
{
    if (!area)
        return noData();
    const std::string value = _language == Language::Vi
                                  ? formatScaledDecimal(*area, 4, 2, ',', ".")
                                  : formatScaledDecimal(*area, 4, 2, '.', ",");
    return value + " ha";
}

std::string Formatter::billionsVnd(const std::optional<Vnd>& amount) const
{
    if (!amount)
        return noData();
    if (_language == Language::Vi)
        return formatScaledDecimal(*amount, 9, 1, ',', ".") + " tỷ đồng";
    return "VND " + formatScaledDecimal(*amount, 9, 1, '.', ",") + " bn";
}

std::string Formatter::percent(const std::optional<double>& value) const
{
    if (!value)
        return noData();
    return number(*value, 1) + (_language == Language::Vi ? " %" : "%");
}

std::string Formatter::date(const std::optional<Date>& value) const
{
    if (!value)
        return noData();
    return _language == Language::Vi ? value->vietnamese() : value->iso();
}

std::string Formatter::noData() const
{
    return _language == Language::Vi ? "chưa có số liệu" : "no data";
}

} // namespace tracker::net
