#pragma once

#include "net/views/district_map.h"
#include "net/views/districts.h"
#include "net/views/locale.h"
#include "persistence/delay_flag_repository.h"

#include <kainjow/mustache.hpp>
#include <optional>
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
// /delays: every open flag with its rule, severity, since when and how late, and the
// flags resolved recently.
// `page`: for /delays, one page of kDelaysPerPage open flags (the resolved ones on the
// first); none (a cluster's own history): every flag.
constexpr int kDelaysPerPage = 100;
kainjow::mustache::data delaysView(const std::vector<DelayFlag>& flags, Language language,
                                   std::optional<int> page = std::nullopt);

} // namespace tracker::net
