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
