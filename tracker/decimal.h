#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tracker
{

// Exact conversions between decimal text and scaled integers, so that "9.885" ha becomes
// 98 850 m² and "326.243" billion VND becomes 326 243 000 000 VND with no binary rounding.

// Parses "12", "12.5" or "12,5" into value × 10^scale. Fails on anything else, on more
// fractional digits than the scale can hold exactly, and on overflow.
std::optional<std::int64_t> parseScaledDecimal(std::string_view text, int scale);

// Writes value / 10^scale with at most maxDecimals fractional digits (rounded half up),
// dropping trailing zeros, using the given decimal and thousands separators.
std::string formatScaledDecimal(std::int64_t value, int scale, int maxDecimals, char decimalMark,
                                const std::string& thousandsSeparator);

} // namespace tracker
