#pragma once

#include "tracker/field_errors.h"
#include "tracker/model.h"

#include <string>
#include <vector>

namespace tracker
{

// Figures that are possible but unlikely (issue 11, item 3): each is refused with a message
// that says what to fix, unless the person confirms it and says why; the reason is stored
// with the record and shown beside it. Forms, the API and the import all ask these, here.
struct Doubt
{
    std::string field; // the input it is about, as in FieldError
    std::string code;  // stable: progress_decrease, disbursed_decrease, disbursed_above_plan,
                       // contradicts_later, before_cluster, lease_above_land,
                       // duplicate_tax_code
    std::string vi, en;
};

// A new report against the cluster's reports on record (any order; their lines included).
std::vector<Doubt> reportDoubts(const ProgressReport& report, const Cluster& cluster,
                                const std::vector<WorkItem>& items,
                                const std::vector<ProgressReport>& onRecord);

// A report dated before the newest on record changes no current figure; this says so
// ("" when it is the newest).
std::string olderReportNotice(const ProgressReport& report,
                              const std::vector<ProgressReport>& onRecord, bool vietnamese);

// A new or changed tenant against the cluster's other tenants and every tenant on record
// with the same tax code (MST).
std::vector<Doubt> tenantDoubts(const Tenant& tenant, const Cluster& cluster,
                                const std::vector<Tenant>& clusterTenants,
                                const std::vector<Tenant>& sameTaxCode);
// The same with the land the cluster's other tenants lease already summed: an import keeps
// that sum as it goes rather than adding up every row before each new one.
std::vector<Doubt> tenantDoubts(const Tenant& tenant, const Cluster& cluster,
                                SquareMetres leasedByOthers,
                                const std::vector<Tenant>& sameTaxCode);
// What the cluster's tenants other than `tenant` lease (those that left hold nothing).
SquareMetres leasedByOthers(const Tenant& tenant, const std::vector<Tenant>& clusterTenants);

// What the person said about the doubts: the "confirm" box and the "confirm_reason" text.
struct Confirmation
{
    bool confirmed = false;
    std::string reason;
};

// "1", "true", "on", "yes" (any case) tick the box.
Confirmation confirmationOf(const std::string& confirm, const std::string& reason);

// The doubts as field errors, plus one asking for the confirmation and its reason; none
// when there is no doubt or the person confirmed with a reason (1 to 1000 characters).
FieldErrors unconfirmedDoubts(const std::vector<Doubt>& doubts, const Confirmation& confirmation);

// The confirmation a record's stored text (confirmedDoubtText) still gives: an edit that
// raises no doubt other than those confirmed before needs no new confirmation.
Confirmation confirmedBefore(const std::vector<Doubt>& doubts, const std::string& stored);

// "progress_decrease, lease_above_land: <reason>", what is stored with the record.
std::string confirmedDoubtText(const std::vector<Doubt>& doubts, const Confirmation& confirmation);

} // namespace tracker
