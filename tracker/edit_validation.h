#pragma once

#include "tracker/field_errors.h"
#include "tracker/model.h"

#include <string>
#include <variant>
#include <vector>

namespace tracker
{

// What a form, a JSON body or a CSV row says, as text: every parse error is a field error
// in the user's language, never an exception.
struct ReportLineDraft
{
    std::string workItem;
    std::string percent;
};

struct ReportDraft
{
    std::string date; // YYYY-MM-DD
    std::vector<ReportLineDraft> lines;
    std::string disbursed; // VND to date
    std::string note;
    std::string confirm{};       // "1"/"true"/"on": the figures tracker/plausibility.h questions
    std::string confirmReason{}; // are meant, for this reason
};

// A report for `cluster` whose work items are `items`, dated no later than `today`.
std::variant<ProgressReport, FieldErrors> validateReport(const ReportDraft& draft,
                                                         const Cluster& cluster,
                                                         const std::vector<WorkItem>& items,
                                                         const Date& today);

struct TenantDraft
{
    std::string companyName;
    std::string taxCode;
    std::string sector;
    std::string supportingIndustry; // "1"/"true"/"on" or empty
    std::string leasedArea;         // m²
    std::string registeredCapital;  // VND
    std::string jobs;
    std::string status; // registered, building, operating, left
    std::string leaseStart;
    std::string foreignInvested; // "1"/"true"/"on" or empty
    std::string confirm{};       // as in ReportDraft
    std::string confirmReason{};
};

std::variant<Tenant, FieldErrors> validateTenant(const TenantDraft& draft, const Date& today);

// The registry fields an official may change; code, district and sources of the seed stay.
struct RegistryDraft
{
    std::string nameVi;
    std::string commune;
    std::string developer;
    std::string totalArea;      // m²
    std::string industrialArea; // m²
    std::string plannedInvestment;
    std::string status;
    std::string plannedStart;
    std::string plannedFinish;
    std::string decisionNumber;
    std::string sourceUrl;
    std::string sourceNotes;
};

// `current` with the draft applied, or what is wrong with the draft.
std::variant<Cluster, FieldErrors> validateRegistry(const RegistryDraft& draft,
                                                    const Cluster& current);

// A new plan for one work item when re-baselining. An empty `workItem` adds a new item of
// `kind` (a WorkKind code) to the cluster; `kind` is ignored for existing items.
struct PlanDraft
{
    std::string workItem;
    std::string plannedStart;
    std::string plannedFinish;
    std::string budget;
    std::string kind;
};

// The whole new plan: every existing item (changed or not) and, with id 0, the added ones.
std::variant<std::vector<WorkItem>, FieldErrors>
validateRebaseline(const std::vector<PlanDraft>& drafts, const std::string& reason,
                   const std::vector<WorkItem>& items);

// An official's acknowledgement of a delay flag: a comment is required, and only an open
// flag can be acknowledged. Empty when it is fine.
FieldErrors validateAcknowledgement(const std::string& comment, bool flagResolved);

} // namespace tracker
