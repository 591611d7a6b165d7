#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracker
{

// Whether bytes are well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF,
// not U+FFFE or U+FFFF, which XML outputs cannot hold):
// anything else is refused at the door rather than stored and mangled later.
bool isValidUtf8(std::string_view text);
std::size_t codePointCount(std::string_view validUtf8);
// Control characters other than tab and line breaks have no place in a name or a note.
bool hasControlCharacters(std::string_view text);

// A whole decimal number with no sign, no spaces and no separators, that fits in 63 bits.
std::optional<long long> parseWholeNumber(std::string_view text);
// The same, also with its digits grouped in threes as people write amounts: "600.000.000"
// (vi-VN), "600,000,000" (en) or "600 000 000", one kind of separator throughout, every
// group after the first of exactly three digits (so "1.5" and "1,50" are refused, never
// read as 15 or 150).
std::optional<long long> parseGroupedWholeNumber(std::string_view text);
// The same, with 0 for anything that is not such a number (ids are never 0).
long long parseWholeNumberOrZero(std::string_view text);
// The text without leading and trailing spaces, tabs and line breaks.
std::string trimmedCopy(std::string_view text);

// "Thạch Thất, Quốc Oai,," → {"Thạch Thất", "Quốc Oai"}: items trimmed, empty ones dropped.
std::vector<std::string> commaList(std::string_view text);

} // namespace tracker
