#include "net/views/places.h"

#include "net/views/admin_units_file.h"

#include <algorithm>

namespace tracker::net
{

std::string placementText(const Cluster& cluster, Language language)
{
    return describePlacement(cluster.units, cluster.unitBasis, adminUnits(),
                             language == Language::En);
}

std::string formerDistrictText(const Cluster& cluster, Language language)
{
    if (cluster.district.empty())
        return "";
    return language == Language::En ? "former " + cluster.district + " district"
                                    : "huyện " + cluster.district + " cũ";
}

std::string flagPlaceText(const std::vector<PlacedUnit>& units, const std::string& district,
                          Language language)
{
    const bool en = language == Language::En;
    std::string place;
    if (units.size() == 1 && !units[0].certain)
        place = describePlacement(units, UnitBasis::Guess, adminUnits(), en);
    else if (!units.empty())
        place = describePlacement(units, UnitBasis::Split, adminUnits(), en);
    Cluster former;
    former.district = district;
    const auto old = formerDistrictText(former, language);
    return place.empty() ? old : old.empty() ? place : place + ", " + old;
}

std::string placeNamesForSearch(const Cluster& cluster)
{
    std::string names = cluster.district + " " + cluster.commune;
    for (const auto* unit : unitsOf(cluster))
        names += " " + unit->name;
    return names;
}

bool liesIn(const Cluster& cluster, const std::string& unitCode)
{
    return std::any_of(cluster.units.begin(), cluster.units.end(),
                       [&](const PlacedUnit& unit) { return unit.code == unitCode; });
}

std::vector<const AdminUnit*> unitsOf(const Cluster& cluster)
{
    std::vector<const AdminUnit*> units;
    for (const bool certain : {true, false})
        for (const auto& placed : cluster.units)
            if (placed.certain == certain)
                if (const auto* unit = adminUnits().byCode(placed.code))
                    units.push_back(unit);
    return units;
}

} // namespace tracker::net
