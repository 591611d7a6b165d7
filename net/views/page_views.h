#pragma once

#include "net/views/cluster_query.h"
#include "net/views/locale.h"
#include "tracker/metrics.h"

#include <kainjow/mustache.hpp>
#include <string>
#include <vector>

namespace tracker::net
{

// Domain records → the data the templates show, formatted for the reader's language.

// What partials/partial_pager shows: page N of M and links to the pages either side,
// each `hrefBase` followed by its number ("/land?min_ha=2&page=").
void setPager(kainjow::mustache::data& view, int page, int pages, const std::string& hrefBase);
kainjow::mustache::data clusterRow(const ClusterSummary& summary, const Formatter& format);
// The current units that hold (or may hold) a cluster, in Vietnamese order, as select
// options {value, label, selected}.
kainjow::mustache::data communeOptions(const std::vector<ClusterSummary>& all,
                                       const std::string& selected, Language language);
kainjow::mustache::data dashboardView(const std::vector<ClusterSummary>& summaries,
                                      const std::vector<ReportedTotals>& reported,
                                      Language language);
// /districts: the overview by former district (before 1/7/2025).
kainjow::mustache::data formerDistrictsView(const std::vector<ClusterSummary>& summaries,
                                            Language language);
kainjow::mustache::data clusterListView(const std::vector<ClusterSummary>& all,
                                        const std::vector<ClusterSummary>& matching,
                                        const ClusterQuery& query, Language language);
kainjow::mustache::data clusterDetailView(const ClusterDetail& detail, const Date& asOf,
                                          Language language);

} // namespace tracker::net
