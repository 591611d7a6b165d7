#include "tracker/subscription.h"

#include "tracker/admin_units.h"
#include "tracker/text_checks.h"

#include <algorithm>

namespace tracker
{

std::optional<DigestScope> parseDigestScope(std::string_view text)
{
    if (text == "all")
        return DigestScope{};
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon + 1 == text.size())
        return std::nullopt;
    DigestScope scope{std::string(text.substr(0, colon)), std::string(text.substr(colon + 1))};
    const bool control =
        std::any_of(scope.value.begin(), scope.value.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
    if ((scope.kind != "district" && scope.kind != "cluster" && scope.kind != "commune") ||
        !isValidUtf8(scope.value) || control)
        return std::nullopt;
    if (scope.kind == "commune")
    {
        const auto code = parsePlacedUnits(scope.value);
        if (!code || code->size() != 1 || !code->front().certain)
            return std::nullopt;
    }
    return scope;
}

} // namespace tracker
