#include "tracker/decimal.h"

#include <limits>

namespace tracker
{
namespace
{
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

bool appendDigit(std::int64_t& value, char digit)
{
    const int d = digit - '0';
    if (value > (kMax - d) / 10)
        return false;
    value = value * 10 + d;
    return true;
}

std::string groupThousands(std::string digits, const std::string& separator)
{
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), separator);
    return digits;
}
} // namespace

std::optional<std::int64_t> parseScaledDecimal(std::string_view text, int scale)
{
    if (text.empty())
        return std::nullopt;
    std::int64_t value = 0;
    int fractionDigits = -1; // -1 until the decimal mark is seen
    bool sawDigit = false;
    for (const char c : text)
    {
        if ((c == '.' || c == ',') && fractionDigits < 0)
        {
            fractionDigits = 0;
            continue;
        }
        if (c < '0' || c > '9')
            return std::nullopt;
        if (fractionDigits >= 0 && ++fractionDigits > scale)
            return std::nullopt;
        if (!appendDigit(value, c))
            return std::nullopt;
        sawDigit = true;
    }
    if (!sawDigit)
        return std::nullopt;
    for (int i = fractionDigits < 0 ? 0 : fractionDigits; i < scale; ++i)
    {
        if (!appendDigit(value, '0'))
            return std::nullopt;
    }
    return value;
}

std::string formatScaledDecimal(std::int64_t value, int scale, int maxDecimals, char decimalMark,
                                const std::string& thousandsSeparator)
{
    const bool negative = value < 0;
    std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    std::uint64_t unit = 1;
    for (int i = 0; i < scale - maxDecimals; ++i)
        unit *= 10;
    magnitude = (magnitude + unit / 2) / unit; // round half up to maxDecimals
    std::uint64_t shown = 1;
    for (int i = 0; i < maxDecimals; ++i)
        shown *= 10;
    std::string fraction = maxDecimals > 0 ? std::to_string(magnitude % shown) : "";
    if (fraction.size() < static_cast<std::size_t>(maxDecimals))
        fraction.insert(0, static_cast<std::size_t>(maxDecimals) - fraction.size(), '0');
    while (!fraction.empty() && fraction.back() == '0')
        fraction.pop_back();
    std::string text = groupThousands(std::to_string(magnitude / shown), thousandsSeparator);
    if (!fraction.empty())
        text += decimalMark + fraction;
    return negative ? "-" + text : text;
}

} // namespace tracker
