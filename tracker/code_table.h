#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace tracker
{

// One enumerator's stable code (stored, and sent in the API) and its labels.
template <typename Enum> struct CodeNames
{
    Enum value;
    std::string_view code;
    std::string_view vi;
    std::string_view en;
};

// A table of every enumerator of `Enum`: the one shape every enumeration's codes and
// labels take (statuses, work kinds, roles, delay rules, severities…).
template <typename Enum, std::size_t N> class CodeTable
{
public:
    constexpr explicit CodeTable(std::array<CodeNames<Enum>, N> names) : _names(names) {}

    const CodeNames<Enum>& names(Enum value) const
    {
        for (const auto& entry : _names)
            if (entry.value == value)
                return entry;
        return _names.back(); // unreachable for a valid enumerator
    }
    std::optional<Enum> fromCode(std::string_view code) const
    {
        for (const auto& entry : _names)
            if (entry.code == code)
                return entry.value;
        return std::nullopt;
    }
    const std::array<CodeNames<Enum>, N>& all() const { return _names; }

private:
    std::array<CodeNames<Enum>, N> _names;
};

} // namespace tracker
