#pragma once

// What the back-office tests share: the seed's Hữu Bằng cluster as stored, its registry as
// the form posts it, and one entity's audit trail.
#include "net/operations/edit_operations.h"
#include "persistence/audit_repository.h"
#include "persistence/registry_repository.h"
#include "support/office_client.h"

#include <map>
#include <string>
#include <vector>

namespace tracker::testing
{

inline persistence::EditableCluster huuBang(RunningServer& running)
{
    return *persistence::RegistryRepository(running.storage.database()).findCluster("huu-bang");
}

inline std::map<std::string, std::string> registryFields(const Cluster& cluster)
{
    const auto d = tracker::draftOf(cluster);
    return {{"version", std::to_string(cluster.version)},
            {"name_vi", d.nameVi},
            {"commune", d.commune},
            {"developer", d.developer},
            {"total_area_m2", d.totalArea},
            {"industrial_area_m2", d.industrialArea},
            {"planned_investment_vnd", d.plannedInvestment},
            {"status", d.status},
            {"planned_start", d.plannedStart},
            {"planned_finish", d.plannedFinish},
            {"decision_number", d.decisionNumber},
            {"source_url", d.sourceUrl},
            {"source_notes", d.sourceNotes}};
}

inline std::vector<persistence::AuditEntry> auditOf(RunningServer& running,
                                                    const std::string& entity)
{
    persistence::AuditFilter filter;
    filter.entity = entity;
    return persistence::listAudit(running.storage.database(), filter);
}

} // namespace tracker::testing
