#include "tracker/text_checks.h"

#include <charconv>

namespace tracker
{
namespace
{
bool continuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

// The length of the sequence starting at `text[i]`, or 0 when it is malformed.
std::size_t sequenceLength(std::string_view text, std::size_t i)
{
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    unsigned int minimum = 0;
    unsigned int value = 0;
    if (lead < 0x80)
        return 1;
    if ((lead & 0xE0) == 0xC0)
        length = 2, minimum = 0x80, value = lead & 0x1F;
    else if ((lead & 0xF0) == 0xE0)
        length = 3, minimum = 0x800, value = lead & 0x0F;
    else if ((lead & 0xF8) == 0xF0)
        length = 4, minimum = 0x10000, value = lead & 0x07;
    else
        return 0;
    if (i + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k)
    {
        const auto byte = static_cast<unsigned char>(text[i + k]);
        if (!continuation(byte))
            return 0;
        value = (value << 6) | (byte & 0x3F);
    }
    const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
    // U+FFFE and U+FFFF are not characters, and XML (Atom, XLSX) may not hold them.
    const bool noncharacter = value == 0xFFFE || value == 0xFFFF;
    return value < minimum || value > 0x10FFFF || surrogate || noncharacter ? 0 : length;
}
} // namespace

bool isValidUtf8(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();)
    {
        const std::size_t length = sequenceLength(text, i);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

std::size_t codePointCount(std::string_view text)
{
    std::size_t count = 0;
    for (const char c : text)
        count += continuation(static_cast<unsigned char>(c)) ? 0 : 1;
    return count;
}

bool hasControlCharacters(std::string_view text)
{
    for (const char c : text)
    {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F)
            return true;
    }
    return false;
}

std::optional<long long> parseWholeNumber(std::string_view text)
{
    // from_chars would take "-0" (and "-" signs generally): digits only, as the contract says.
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != text.npos)
        return std::nullopt;
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0)
        return std::nullopt;
    return value;
}

std::optional<long long> parseGroupedWholeNumber(std::string_view text)
{
    const auto separator = text.find_first_of(".,  ");
    if (separator == std::string_view::npos)
        return parseWholeNumber(text);
    const char mark = text[separator];
    if (separator == 0 || separator > 3)
        return std::nullopt;
    std::string digits(text.substr(0, separator));
    for (std::size_t at = separator; at < text.size(); at += 4)
    {
        if (text[at] != mark || at + 4 > text.size())
            return std::nullopt;
        const auto group = text.substr(at + 1, 3);
        if (group.find_first_not_of("0123456789") != std::string_view::npos)
            return std::nullopt;
        digits += group;
    }
    return parseWholeNumber(digits);
}

long long parseWholeNumberOrZero(std::string_view text)
{
    return parseWholeNumber(text).value_or(0);
}

std::vector<std::string> commaList(std::string_view text)
{
    constexpr std::string_view kSpace = " \t\r\n";
    std::vector<std::string> items;
    while (!text.empty())
    {
        const auto comma = text.find(',');
        auto item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        const auto first = item.find_first_not_of(kSpace);
        if (first == std::string_view::npos)
            continue;
        item = item.substr(first, item.find_last_not_of(kSpace) - first + 1);
        items.emplace_back(item);
    }
    return items;
}

std::string trimmedCopy(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return "";
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

} // namespace tracker
