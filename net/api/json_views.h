#pragma once

#include "net/views/districts.h"
#include "persistence/delay_flag_repository.h"
#include "tracker/metrics.h"

#include <Poco/JSON/Object.h>
#include <vector>

namespace tracker::net
{

// Domain records → the JSON the API promises (documented in docs/api.md). Exact integers
// for money (VND) and area (m²) go beside the convenient hectare figure; unknown is null.
Poco::JSON::Object clusterSummaryJson(const ClusterSummary& summary);
// `asOf`: the day the planned figures were computed for (today in Hanoi).
Poco::JSON::Object clusterDetailJson(const ClusterDetail& detail, const Date& asOf);
Poco::JSON::Object portfolioJson(const std::vector<ClusterSummary>& summaries,
                                 const std::vector<ReportedTotals>& reported);
Poco::JSON::Object districtJson(const DistrictGroup& district, bool withClusters);
Poco::JSON::Object delayJson(const DelayFlag& flag);

std::string toJsonText(const Poco::JSON::Object& object);

} // namespace tracker::net
