#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracker
{

// A commune-level unit of Hanoi since 1 July 2025 (Resolution 1656/NQ-UBTVQH15): one of
// 126 xã and phường, with its statistics code (Cục Thống kê, CV 1027/CTK-CSCL).
struct AdminUnit
{
    std::string code;                         // "10369"
    std::string name;                         // as the resolution writes it: "Xã Ứng Thiên"
    std::string type;                         // "xã" or "phường"
    std::string slug;                         // for URLs: "xa-ung-thien"
    std::vector<std::string> formerDistricts; // the old districts it was formed from, in part
    std::string formedFrom;                   // the old units, as the source lists them

    // "xã Ứng Thiên": the name inside a sentence, type in lower case.
    std::string nameInText() const;
    // "Ứng Thiên commune" / "Chương Mỹ ward".
    std::string nameInEnglish() const;
};

// The 126 units, looked up by code or by slug.
class AdminUnits
{
public:
    AdminUnits() = default;
    explicit AdminUnits(std::vector<AdminUnit> units);

    const AdminUnit* byCode(std::string_view code) const;
    const AdminUnit* bySlug(std::string_view slug) const;
    const std::vector<AdminUnit>& all() const { return _units; }
    // Units formed (wholly or in part) from that old district, by its Vietnamese name.
    std::vector<const AdminUnit*> formedFromDistrict(std::string_view district) const;
    bool empty() const { return _units.empty(); }

private:
    std::vector<AdminUnit> _units;
    std::map<std::string, std::size_t, std::less<>> _byCode;
    std::map<std::string, std::size_t, std::less<>> _bySlug;
};

// Where a cluster lies today and how sure that is. The source of the 2025 mapping gives
// some clusters as split between units, inferred or guessed; those stay marked as such
// until an official confirms the unit, and no page silently picks one.
enum class UnitBasis
{
    Resolution, // the resolution moves the whole old commune(s) into the unit(s)
    Merger,     // the same, through the 1/1/2025 merger first
    Inferred,   // the source infers a step it found no text for
    Guess,      // our record had no commune; the unit is a best guess
    Split,      // the old commune was split; the cluster lies in one or more of the candidates
    Confirmed,  // an official confirmed the unit(s) in the back office
    Unmapped    // no unit could be found
};

std::string_view code(UnitBasis basis);
std::optional<UnitBasis> unitBasisFromCode(std::string_view code);
// Whether a reader must be told that the units are not verified.
bool isUncertain(UnitBasis basis);

// One unit of a cluster's placement: sure, or one candidate among others.
struct PlacedUnit
{
    std::string code;
    bool certain = true;
};

// "09895 09910?" → two units, the second a candidate. Nothing for a malformed list
// (a code is five digits; no code twice).
std::optional<std::vector<PlacedUnit>> parsePlacedUnits(std::string_view text);
std::string formatPlacedUnits(const std::vector<PlacedUnit>& units);

// How a page names a cluster's place: "xã Tây Phương hoặc xã Kiều Phú (chưa xác minh)",
// "xã Tam Hưng và xã Dân Hòa", "xã Quốc Oai, có thể cả xã Kiều Phú (chưa xác minh)".
std::string describePlacement(const std::vector<PlacedUnit>& units, UnitBasis basis,
                              const AdminUnits& registry, bool english);

} // namespace tracker
