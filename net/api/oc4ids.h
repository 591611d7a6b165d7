#pragma once

#include "net/views/district_map.h"
#include "tracker/metrics.h"

#include <Poco/JSON/Object.h>
#include <memory>
#include <string>
#include <vector>

namespace tracker::net
{

// The portfolio as an OC4IDS 0.9.5 project package: each cluster a project with its
// status, period, budget, location, developer, milestones from work items, and planned
// (forecasts) and reported (metrics) physical and financial progress. Dates are instants at
// midnight in Hanoi. Unknown figures are left out, never written as zero.
// `publicBaseUrl` (mail.publicBaseUrl, e.g. https://ccn.example.vn) makes the package's own
// addresses absolute, as OC4IDS requires.
Poco::JSON::Object oc4idsPackage(const std::vector<ClusterDetail>& details, const DistrictMap& map,
                                 const Date& today, const std::string& publicBaseUrl);

// The same built from each project's text, so that a national package (1,200 projects) is
// assembled from projects made one at a time and kept (net/api/oc4ids_projects.h), never
// held as one tree of JSON objects (that took 17 GB).
std::string oc4idsProjectText(const ClusterDetail& detail, const DistrictMap& map,
                              const Date& today);
std::string oc4idsPackageText(const std::vector<std::shared_ptr<const std::string>>& projects,
                              const Date& today, const std::string& publicBaseUrl);

} // namespace tracker::net
