#pragma once

#include "net/operations/edit_operations.h"
#include "tracker/statutory_figures.h"

#include <map>
#include <optional>
#include <string>

namespace tracker::net
{

// What a form is about: for Biểu 01/02 the cluster (and a 01's tenant), for 03 the commune.
struct StatutoryTarget
{
    StatutoryForm form = StatutoryForm::Developer02;
    std::string unitKey;
    ReportPeriod period;
    std::optional<ClusterDetail> cluster;
    const AdminUnit* commune = nullptr;
    std::string unitName; // as the form's header names the reporting unit
};

// Nothing when the form, unit or period names nothing that exists.
std::optional<StatutoryTarget> resolveStatutoryTarget(persistence::Database& database,
                                                      const AdminUnits& units,
                                                      const std::string& form,
                                                      const std::string& unitKey,
                                                      const std::string& period);

// A form as a reader sees it: stored, or (not yet filed) as the tracker would fill it; for
// Biểu 03/04 still open, the figures computed now, with their drill-down and what is missing.
struct StatutoryView
{
    StatutoryReport report;
    bool stored = false;
    std::optional<SummaryFigures> summary;
    bool mayFile = false;
    bool mayReview = false;
};

// Whether anyone may read the form: Biểu 03 and 04 once accepted. Biểu 01 and 02 carry
// firms' revenue and taxes, so only those who file, review or aggregate them read them.
bool isPublicStatutory(const StatutoryView& view);

StatutoryView openStatutory(persistence::Database& database, const Account& account,
                            const StatutoryTarget& target);

// What a person asks of a form: an action, the figures as typed (by indicator number, in the
// form's unit) with their notes, a reviewer's comment, and the version they saw.
struct StatutoryRequest
{
    FilingAction action = FilingAction::Save;
    std::map<std::string, std::string> values;
    std::map<std::string, std::string> notes;
    std::string comment;
    int expectedVersion = 0;
};

// A cluster's facts for the forms (ready land, wastewater plant, approvals, kind), by those
// who may edit its registry entry; over a version and audited.
EditResult<ClusterFacts> updateClusterFacts(const Editor& editor, const std::string& clusterCode,
                                            const ClusterFactsDraft& draft, int expectedVersion);

EditResult<StatutoryReport> actOnStatutory(const Editor& editor, const StatutoryTarget& target,
                                           const StatutoryRequest& request);

} // namespace tracker::net
