#pragma once

#include "tracker/metrics.h"

#include <string>
#include <vector>

namespace tracker
{

// Why a project is flagged. Until the delay engine (issue 4) adds its own rules, the one
// rule is a work item past its planned finish and not finished.
enum class DelayRule
{
    OverdueWorkItem
};

struct Delay
{
    std::string clusterCode;
    std::string clusterName;
    std::string district;
    DelayRule rule = DelayRule::OverdueWorkItem;
    WorkKind workKind = WorkKind::Other;
    Date since;        // the first day the item was late
    long daysLate = 0; // days from its planned finish to asOf
    int percentDone = 0;
    Provenance provenance = Provenance::Illustrative;
};

// Every delay of one cluster at a date, latest-planned first.
std::vector<Delay> delaysOf(const ClusterDetail& detail, const Date& asOf);

// Every delay in the portfolio, the longest late first (ties: cluster code).
std::vector<Delay> currentDelays(const std::vector<ClusterDetail>& details, const Date& asOf);

} // namespace tracker
