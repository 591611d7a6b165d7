#pragma once

#include "net/views/locale.h"
#include "tracker/model.h"

#include <string>
#include <vector>

namespace tracker::net
{

// Where a cluster lies today, as a reader should see it: "xã Ứng Thiên", or
// "xã Tây Phương hoặc xã Kiều Phú (chưa xác minh)" while the source is unsure.
std::string placementText(const Cluster& cluster, Language language);
// The former district as context: "huyện Ứng Hòa cũ" / "former Ứng Hòa district".
std::string formerDistrictText(const Cluster& cluster, Language language);
// A delay's place where only the units are at hand (a flag, a digest line): the current
// units and the former district, "xã Ứng Thiên, huyện Ứng Hòa cũ"; a candidate says so.
std::string flagPlaceText(const std::vector<PlacedUnit>& units, const std::string& district,
                          Language language);
// Every name a search should find the cluster by: current units, former commune, district.
std::string placeNamesForSearch(const Cluster& cluster);
// Whether the cluster lies, or may lie, in that unit.
bool liesIn(const Cluster& cluster, const std::string& unitCode);
// The cluster's current units, sure ones first, each as it is named on a page.
std::vector<const AdminUnit*> unitsOf(const Cluster& cluster);

} // namespace tracker::net
