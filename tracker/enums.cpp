#include "tracker/enums.h"

#include "tracker/code_table.h"

namespace tracker
{
namespace
{
constexpr CodeTable<ProjectStatus, 6> kStatuses{{{
    {ProjectStatus::Identification, "identification", "Xác định dự án", "Identification"},
    {ProjectStatus::Preparation, "preparation", "Chuẩn bị đầu tư", "Preparation"},
    {ProjectStatus::Implementation, "implementation", "Đang xây dựng", "Implementation"},
    {ProjectStatus::Completion, "completion", "Hoàn thành, bàn giao", "Completion"},
    {ProjectStatus::Completed, "completed", "Đã kết thúc", "Completed"},
    {ProjectStatus::Cancelled, "cancelled", "Đã hủy", "Cancelled"},
}}};

constexpr CodeTable<Provenance, 2> kProvenances{{{
    {Provenance::Sourced, "sourced", "Có nguồn", "Sourced"},
    {Provenance::Illustrative, "illustrative", "Minh họa", "Illustrative"},
}}};

constexpr CodeTable<WorkKind, 9> kWorkKinds{{{
    {WorkKind::SiteClearance, "site_clearance", "Giải phóng mặt bằng", "Site clearance"},
    {WorkKind::Levelling, "levelling", "San nền", "Levelling"},
    {WorkKind::InternalRoads, "internal_roads", "Đường giao thông nội bộ", "Internal roads"},
    {WorkKind::Drainage, "drainage", "Thoát nước mưa", "Drainage"},
    {WorkKind::WaterSupply, "water_supply", "Cấp nước", "Water supply"},
    {WorkKind::Power, "power", "Cấp điện", "Power supply"},
    {WorkKind::WastewaterPlant, "wastewater_plant", "Trạm xử lý nước thải",
     "Wastewater treatment plant"},
    {WorkKind::LightingFenceFire, "lighting_fence_fire", "Chiếu sáng, tường rào, PCCC",
     "Lighting, fence and fire protection"},
    {WorkKind::Other, "other", "Hạng mục khác", "Other works"},
}}};

constexpr CodeTable<TenantStatus, 4> kTenantStatuses{{{
    {TenantStatus::Registered, "registered", "Đã đăng ký", "Registered"},
    {TenantStatus::Building, "building", "Đang xây dựng nhà xưởng", "Building"},
    {TenantStatus::Operating, "operating", "Đang hoạt động", "Operating"},
    {TenantStatus::Left, "left", "Đã rời đi", "Left"},
}}};

} // namespace

std::string_view code(ProjectStatus s)
{
    return kStatuses.names(s).code;
}
std::string_view labelVi(ProjectStatus s)
{
    return kStatuses.names(s).vi;
}
std::string_view labelEn(ProjectStatus s)
{
    return kStatuses.names(s).en;
}
std::optional<ProjectStatus> projectStatusFromCode(std::string_view c)
{
    return kStatuses.fromCode(c);
}

std::string_view code(Provenance p)
{
    return kProvenances.names(p).code;
}
std::optional<Provenance> provenanceFromCode(std::string_view c)
{
    return kProvenances.fromCode(c);
}

std::string_view code(WorkKind k)
{
    return kWorkKinds.names(k).code;
}
std::string_view labelVi(WorkKind k)
{
    return kWorkKinds.names(k).vi;
}
std::string_view labelEn(WorkKind k)
{
    return kWorkKinds.names(k).en;
}
std::optional<WorkKind> workKindFromCode(std::string_view c)
{
    return kWorkKinds.fromCode(c);
}

std::vector<WorkKind> allWorkKinds()
{
    std::vector<WorkKind> kinds;
    for (const auto& names : kWorkKinds.all())
        kinds.push_back(names.value);
    return kinds;
}

std::string_view code(TenantStatus s)
{
    return kTenantStatuses.names(s).code;
}
std::string_view labelVi(TenantStatus s)
{
    return kTenantStatuses.names(s).vi;
}
std::string_view labelEn(TenantStatus s)
{
    return kTenantStatuses.names(s).en;
}
std::optional<TenantStatus> tenantStatusFromCode(std::string_view c)
{
    return kTenantStatuses.fromCode(c);
}

} // namespace tracker
