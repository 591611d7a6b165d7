#pragma once

#include "tracker/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracker
{

// Stable codes (stored and sent in the API) and labels for every enumeration.
std::string_view code(ProjectStatus status);
std::string_view labelVi(ProjectStatus status);
std::string_view labelEn(ProjectStatus status);
std::optional<ProjectStatus> projectStatusFromCode(std::string_view code);

std::string_view code(Provenance provenance);
std::optional<Provenance> provenanceFromCode(std::string_view code);

std::string_view code(WorkKind kind);
std::string_view labelVi(WorkKind kind);
std::string_view labelEn(WorkKind kind);
std::optional<WorkKind> workKindFromCode(std::string_view code);
std::vector<WorkKind> allWorkKinds(); // in the order forms list them

std::string_view code(TenantStatus status);
std::string_view labelVi(TenantStatus status);
std::string_view labelEn(TenantStatus status);
std::optional<TenantStatus> tenantStatusFromCode(std::string_view code);

} // namespace tracker
