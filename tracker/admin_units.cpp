#include "tracker/admin_units.h"

#include "tracker/code_table.h"

#include <algorithm>
#include <cctype>

namespace tracker
{
namespace
{
constexpr CodeTable<UnitBasis, 7> kBases{{{
    {UnitBasis::Resolution, "resolution", "theo Nghị quyết 1656", "per Resolution 1656"},
    {UnitBasis::Merger, "merger", "qua lần sáp nhập 1/1/2025", "through the 1/1/2025 merger"},
    {UnitBasis::Inferred, "inferred", "suy luận", "inferred"},
    {UnitBasis::Guess, "guess", "phỏng đoán", "best guess"},
    {UnitBasis::Split, "split", "xã cũ bị chia", "old commune split"},
    {UnitBasis::Confirmed, "confirmed", "đã xác nhận", "confirmed"},
    {UnitBasis::Unmapped, "unmapped", "chưa xác định", "not determined"},
}}};

// The name without its leading type word: "Xã Ứng Thiên" → "Ứng Thiên".
std::string bareName(const AdminUnit& unit)
{
    const auto space = unit.name.find(' ');
    return space == std::string::npos ? unit.name : unit.name.substr(space + 1);
}

std::string nameOf(const std::string& code, const AdminUnits& registry, bool english)
{
    const auto* unit = registry.byCode(code);
    if (!unit)
        return code;
    return english ? unit->nameInEnglish() : unit->nameInText();
}

std::string joined(const std::vector<std::string>& names, const std::string& separator)
{
    std::string text;
    for (const auto& name : names)
        text += (text.empty() ? "" : separator) + name;
    return text;
}
} // namespace

std::string AdminUnit::nameInText() const
{
    return type + " " + bareName(*this);
}

std::string AdminUnit::nameInEnglish() const
{
    return bareName(*this) + (type == "phường" ? " ward" : " commune");
}

AdminUnits::AdminUnits(std::vector<AdminUnit> units) : _units(std::move(units))
{
    for (std::size_t i = 0; i < _units.size(); ++i)
    {
        _byCode.emplace(_units[i].code, i);
        _bySlug.emplace(_units[i].slug, i);
    }
}

const AdminUnit* AdminUnits::byCode(std::string_view code) const
{
    const auto found = _byCode.find(code);
    return found == _byCode.end() ? nullptr : &_units[found->second];
}

const AdminUnit* AdminUnits::bySlug(std::string_view slug) const
{
    const auto found = _bySlug.find(slug);
    return found == _bySlug.end() ? nullptr : &_units[found->second];
}

std::vector<const AdminUnit*> AdminUnits::formedFromDistrict(std::string_view district) const
{
    std::vector<const AdminUnit*> units;
    for (const auto& unit : _units)
        if (std::find(unit.formerDistricts.begin(), unit.formerDistricts.end(), district) !=
            unit.formerDistricts.end())
            units.push_back(&unit);
    return units;
}

std::string_view code(UnitBasis basis)
{
    return kBases.names(basis).code;
}

std::optional<UnitBasis> unitBasisFromCode(std::string_view text)
{
    return kBases.fromCode(text);
}

bool isUncertain(UnitBasis basis)
{
    return basis == UnitBasis::Inferred || basis == UnitBasis::Guess || basis == UnitBasis::Split ||
           basis == UnitBasis::Unmapped;
}

std::optional<std::vector<PlacedUnit>> parsePlacedUnits(std::string_view text)
{
    std::vector<PlacedUnit> units;
    std::size_t at = 0;
    while (at < text.size())
    {
        if (text[at] == ' ')
        {
            ++at;
            continue;
        }
        const auto end = std::min(text.find(' ', at), text.size());
        std::string_view word = text.substr(at, end - at);
        at = end;
        PlacedUnit unit;
        if (!word.empty() && word.back() == '?')
        {
            unit.certain = false;
            word.remove_suffix(1);
        }
        const bool digits =
            word.size() == 5 &&
            std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits)
            return std::nullopt;
        unit.code = std::string(word);
        if (std::any_of(units.begin(), units.end(),
                        [&](const PlacedUnit& u) { return u.code == unit.code; }))
            return std::nullopt;
        units.push_back(unit);
    }
    return units;
}

std::string formatPlacedUnits(const std::vector<PlacedUnit>& units)
{
    std::string text;
    for (const auto& unit : units)
        text += (text.empty() ? "" : " ") + unit.code + (unit.certain ? "" : "?");
    return text;
}

std::string describePlacement(const std::vector<PlacedUnit>& units, UnitBasis basis,
                              const AdminUnits& registry, bool english)
{
    std::vector<std::string> sure, candidates;
    for (const auto& unit : units)
        (unit.certain ? sure : candidates).push_back(nameOf(unit.code, registry, english));
    if (sure.empty() && candidates.empty())
        return english ? "not determined" : "chưa xác định";
    const std::string unverified = english ? " (unverified)" : " (chưa xác minh)";
    const std::string both = joined(sure, english ? " and " : " và ");
    if (candidates.empty())
        return both;
    const std::string either = joined(candidates, english ? " or " : " hoặc ");
    if (!sure.empty())
        return both + (english ? ", possibly also " : ", có thể cả ") + either + unverified;
    if (candidates.size() == 1)
    {
        const auto why = english ? kBases.names(basis).en : kBases.names(basis).vi;
        return either + " (" + std::string(why) + (english ? ", unverified)" : ", chưa xác minh)");
    }
    return either + unverified;
}

} // namespace tracker
