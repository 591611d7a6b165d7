#include "tracker/email_address.h"

#include "tracker/text_checks.h"

namespace tracker
{
namespace
{
constexpr std::size_t kLongestAddress = 254; // RFC 5321's path limit, less the brackets
constexpr std::size_t kLongestName = 200;
constexpr std::string_view kForbidden = " <>,;:\"()[]\\";

bool allowedInAddress(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    return byte > 0x20 && byte < 0x7f && kForbidden.find(c) == std::string_view::npos;
}
} // namespace

std::optional<std::string> normalisedEmail(std::string_view text)
{
    const auto at = text.find('@');
    if (text.empty() || text.size() > kLongestAddress || at == 0 || at == std::string_view::npos ||
        at + 1 == text.size() || text.find('@', at + 1) != std::string_view::npos)
        return std::nullopt;
    std::string address;
    for (const char c : text)
    {
        if (!allowedInAddress(c))
            return std::nullopt;
        address += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (address.find('.', at) == std::string::npos || address.back() == '.')
        return std::nullopt; // a domain needs a dot: "an@localhost" is a typo here
    return address;
}

bool acceptableDisplayName(std::string_view text)
{
    if (!isValidUtf8(text) || codePointCount(text) > kLongestName)
        return false;
    for (const char c : text)
    {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            return false;
    }
    return true;
}

} // namespace tracker
