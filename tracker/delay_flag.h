#pragma once

#include "tracker/admin_units.h"
#include "tracker/date.h"
#include "tracker/delay_rules.h"

#include <cstdint>
#include <optional>
#include <string>

namespace tracker
{

// A stored delay flag: one rule holding for one cluster, from the day a scan raised it
// until the day a scan found it no longer holds.
struct DelayFlag
{
    std::int64_t id = 0;
    std::int64_t clusterId = 0;
    std::string clusterCode;
    std::string clusterName;
    std::string district;
    std::vector<PlacedUnit> units; // the cluster's current xã/phường
    DelayRuleKind rule = DelayRuleKind::OverdueWorkItem;
    std::string subject;
    Severity severity = Severity::Medium;
    std::string measure;
    std::string measureVi;
    std::optional<Date> lateSince;
    std::optional<long> daysLate; // as of the last scan that found it (DelayFinding::daysLate)
    Date raisedOn;
    std::optional<Date> resolvedOn;
    std::string acknowledgedBy;
    std::optional<Date> acknowledgedOn;
    std::string acknowledgement;
    int version = 1; // of the acknowledgement: people edit it, scans do not
};

// What one scan did to the flags.
struct ScanOutcome
{
    int raised = 0;
    int stillOpen = 0;
    int resolved = 0;
};

} // namespace tracker
