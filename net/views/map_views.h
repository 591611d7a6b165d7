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
// What a list of delay flags shows: the open flags of this page and the resolved ones,
// with how many there are in all, so that a page need not hold every flag.
struct DelayListing
{
    std::vector<DelayFlag> open;     // the open flags shown, newest raised first
    std::vector<DelayFlag> resolved; // the resolved flags shown
    std::size_t openTotal = 0;
    std::size_t openClusters = 0; // clusters with an open flag
    std::size_t resolvedTotal = 0;
    int page = 1;
    int pages = 1;
};
// /delays: one page of kDelaysPerPage open flags with their rule, severity, since when and
// how late, and (on the first page) the flags resolved recently.
constexpr int kDelaysPerPage = 100;
kainjow::mustache::data delaysView(const DelayListing& listing, Language language);
// A cluster's own history: every one of `flags`, open and resolved, on one page.
kainjow::mustache::data delaysView(const std::vector<DelayFlag>& flags, Language language);

} // namespace tracker::net
