#pragma once

#include "net/locale.h"
#include "tracker/metrics.h"

#include <kainjow/mustache.hpp>
#include <string>
#include <vector>

namespace tracker::net
{

// What the cluster list was asked for, already validated.
struct ClusterQuery
{
    std::string text;     // ?q=, searched without case or diacritics
    std::string district; // exact Vietnamese name, or empty for all
    std::string status;   // OC4IDS code, or empty for all
    bool behindOnly = false;
    std::string sort = "name"; // name | progress | gap | area
    int page = 1;
    static constexpr int kPageSize = 50;
};

// Domain records → the data the templates show, formatted for the reader's language.
kainjow::mustache::data clusterRow(const ClusterSummary& summary, const Formatter& format);
kainjow::mustache::data dashboardView(const std::vector<ClusterSummary>& summaries,
                                      const std::vector<ReportedTotals>& reported,
                                      Language language);
kainjow::mustache::data clusterListView(const std::vector<ClusterSummary>& all,
                                        const std::vector<ClusterSummary>& matching,
                                        const ClusterQuery& query, Language language);
kainjow::mustache::data clusterDetailView(const ClusterDetail& detail, const Date& asOf,
                                          Language language);

// Vietnamese collation (ICU) so that "Đ" sorts after "D", as readers expect.
bool vietnameseLess(const std::string& a, const std::string& b);

} // namespace tracker::net
