#pragma once

#include "tracker/cluster_facts.h"
#include "tracker/delay_rules.h"
#include "tracker/model.h"
#include "tracker/statutory_report.h"

#include <map>
#include <string>
#include <vector>

namespace tracker
{

// What the tracker knows of one cluster at a cut-off, for its Biểu 02.
struct ClusterRecords
{
    Cluster cluster;
    std::vector<WorkItem> items;
    std::vector<ProgressReport> reports; // any order
    std::vector<Tenant> tenants;
    ClusterFacts facts;
};

// Biểu 02 as the tracker would fill it at the period's cut-off, each figure with a note
// saying where it comes from; a figure it does not know is left empty and says so.
//   2: disbursed to date in the last progress report on or before the cut-off;
//   4, 6, 8: tenants whose lease started by the cut-off and who have not left;
//   5: occupancy as Nghị định 32/2024 Điều 2 khoản 7 defines it, leased industrial land
//      over the industrial land of the approved detailed plan (not the total area);
//   13: 1 when the wastewater plant's work item has started by the cut-off.
std::vector<IndicatorValue> prefillDeveloper02(const ClusterRecords& records,
                                               const ReportPeriod& period);

// One cluster's part in a Biểu 03 or 04: the registry, and its accepted Biểu 02 if any.
struct ClusterFiling
{
    Cluster cluster;
    const StatutoryReport* accepted02 = nullptr;
    std::vector<const StatutoryReport*> accepted01; // its tenants' accepted Biểu 01
    int tenants = 0;                                // tenants on record
    ClusterFacts facts;
};

// A summary row and the clusters behind its number (the drill-down).
struct SummaryRow
{
    IndicatorValue value;
    std::vector<std::string> clusters;
};

struct SummaryFigures
{
    std::vector<SummaryRow> rows;      // every indicator of Biểu 03/04, in order
    std::vector<std::string> missing;  // what is not there yet, in Vietnamese
    std::vector<std::string> clusters; // the clusters counted
};

// Biểu 03 (or 04) from the registry and the accepted Biểu 02, cumulative at the cut-off.
// Registry facts the tracker does not hold (the development plan, approved detailed plans,
// specialised clusters, tenants' own Biểu 01) are left empty with a note, never guessed.
SummaryFigures summarise(const std::vector<ClusterFiling>& filings, const ReportPeriod& period);

// Which clusters a commune's Biểu 03 counts: those whose first sure unit it is. A cluster
// whose unit is not yet certain is counted only in the city's Biểu 04, and every candidate
// commune's Biểu 03 names it as missing, so that the communes' sums add up to the city's.
// The rule statutory_report_overdue: for each period from `first` whose Biểu 02 was due
// before `asOf`, a finding from the due date on unless that period's form is submitted or
// accepted (`states`: by period code). Filing it resolves the finding at the next scan.
std::vector<DelayFinding> statutoryOverdueFindings(const std::map<std::string, FilingState>& states,
                                                   const Date& asOf, const ReportPeriod& first);

bool countedInCommune(const Cluster& cluster, const std::string& unitCode);
bool mayBeInCommune(const Cluster& cluster, const std::string& unitCode);

} // namespace tracker
