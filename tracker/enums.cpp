#include "tracker/enums.h"

#include <array>

namespace tracker
{
namespace
{
template <typename Enum> struct Names
{
    Enum value;
    std::string_view code;
    std::string_view vi;
    std::string_view en;
};

constexpr std::array<Names<ProjectStatus>, 6> kStatuses{{
    {ProjectStatus::Identification, "identification", "Xác định dự án", "Identification"},
    {ProjectStatus::Preparation, "preparation", "Chuẩn bị đầu tư", "Preparation"},
    {ProjectStatus::Implementation, "implementation", "Đang xây dựng", "Implementation"},
    {ProjectStatus::Completion, "completion", "Hoàn thành, bàn giao", "Completion"},
    {ProjectStatus::Completed, "completed", "Đã kết thúc", "Completed"},
    {ProjectStatus::Cancelled, "cancelled", "Đã hủy", "Cancelled"},
}};

constexpr std::array<Names<Provenance>, 2> kProvenances{{
    {Provenance::Sourced, "sourced", "Có nguồn", "Sourced"},
    {Provenance::Illustrative, "illustrative", "Minh họa", "Illustrative"},
}};

constexpr std::array<Names<WorkKind>, 9> kWorkKinds{{
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
}};

constexpr std::array<Names<TenantStatus>, 4> kTenantStatuses{{
    {TenantStatus::Registered, "registered", "Đã đăng ký", "Registered"},
    {TenantStatus::Building, "building", "Đang xây dựng nhà xưởng", "Building"},
    {TenantStatus::Operating, "operating", "Đang hoạt động", "Operating"},
    {TenantStatus::Left, "left", "Đã rời đi", "Left"},
}};

template <typename Enum, std::size_t N>
const Names<Enum>& find(const std::array<Names<Enum>, N>& table, Enum value)
{
    for (const auto& entry : table)
    {
        if (entry.value == value)
            return entry;
    }
    return table.back(); // unreachable for a valid enumerator
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const std::array<Names<Enum>, N>& table, std::string_view text)
{
    for (const auto& entry : table)
    {
        if (entry.code == text)
            return entry.value;
    }
    return std::nullopt;
}
} // namespace

std::string_view code(ProjectStatus s)
{
    return find(kStatuses, s).code;
}
std::string_view labelVi(ProjectStatus s)
{
    return find(kStatuses, s).vi;
}
std::string_view labelEn(ProjectStatus s)
{
    return find(kStatuses, s).en;
}
std::optional<ProjectStatus> projectStatusFromCode(std::string_view c)
{
    return parse(kStatuses, c);
}

std::string_view code(Provenance p)
{
    return find(kProvenances, p).code;
}
std::optional<Provenance> provenanceFromCode(std::string_view c)
{
    return parse(kProvenances, c);
}

std::string_view code(WorkKind k)
{
    return find(kWorkKinds, k).code;
}
std::string_view labelVi(WorkKind k)
{
    return find(kWorkKinds, k).vi;
}
std::string_view labelEn(WorkKind k)
{
    return find(kWorkKinds, k).en;
}
std::optional<WorkKind> workKindFromCode(std::string_view c)
{
    return parse(kWorkKinds, c);
}

std::vector<WorkKind> allWorkKinds()
{
    std::vector<WorkKind> kinds;
    for (const auto& names : kWorkKinds)
        kinds.push_back(names.value);
    return kinds;
}

std::string_view code(TenantStatus s)
{
    return find(kTenantStatuses, s).code;
}
std::string_view labelVi(TenantStatus s)
{
    return find(kTenantStatuses, s).vi;
}
std::string_view labelEn(TenantStatus s)
{
    return find(kTenantStatuses, s).en;
}
std::optional<TenantStatus> tenantStatusFromCode(std::string_view c)
{
    return parse(kTenantStatuses, c);
}

} // namespace tracker
