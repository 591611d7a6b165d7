#pragma once

#include "net/district_map.h"
#include "net/districts.h"
#include "net/locale.h"
#include "tracker/delays.h"

#include <kainjow/mustache.hpp>
#include <vector>

namespace tracker::net
{

// /map: every district, clusters as markers, the legend and the list of districts.
kainjow::mustache::data mapView(const std::vector<DistrictGroup>& districts, const DistrictMap& map,
                                Language language);
// /districts/{slug}: the district's totals, the map with it highlighted, its clusters.
kainjow::mustache::data districtView(const DistrictGroup& district,
                                     const std::vector<DistrictGroup>& all, const DistrictMap& map,
                                     Language language);
// /delays: every current delay with its rule, since when and how late.
kainjow::mustache::data delaysView(const std::vector<Delay>& delays, Language language);

} // namespace tracker::net
