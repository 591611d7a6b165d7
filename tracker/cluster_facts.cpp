#include "tracker/cluster_facts.h"

#include "tracker/field_checks.h"

namespace tracker
{
namespace
{
constexpr long long kMaxArea = 100'000'000'000LL;

std::optional<bool> yesNo(FieldChecks& checks, const std::string& field, const std::string& text)
{
    if (text.empty())
        return std::nullopt;
    if (text == "1" || text == "0")
        return text == "1";
    checks.add(field, "Chọn có, không hoặc chưa rõ.", "Choose yes, no or unknown.");
    return std::nullopt;
}
} // namespace

std::string_view code(WastewaterState state)
{
    switch (state)
    {
    case WastewaterState::None:
        return "none";
    case WastewaterState::Building:
        return "building";
    case WastewaterState::Built:
        return "built";
    }
    return "none";
}

std::optional<WastewaterState> wastewaterStateFromCode(std::string_view text)
{
    for (const auto state :
         {WastewaterState::None, WastewaterState::Building, WastewaterState::Built})
        if (code(state) == text)
            return state;
    return std::nullopt;
}

std::variant<ClusterFacts, FieldErrors> validateFacts(const ClusterFactsDraft& draft,
                                                      const ClusterFacts& current,
                                                      const Cluster& cluster, const Date& today)
{
    FieldChecks checks;
    ClusterFacts next = current;
    next.clusterId = cluster.id;
    next.readyToLease = checks.whole("ready_to_lease_m2", draft.readyToLease, false, kMaxArea);
    if (next.readyToLease && cluster.industrialArea && *next.readyToLease > *cluster.industrialArea)
        checks.add("ready_to_lease_m2", "Lớn hơn diện tích đất công nghiệp của cụm.",
                   "Larger than the cluster's industrial land.");
    next.wastewater = std::nullopt;
    if (!draft.wastewater.empty())
    {
        next.wastewater = wastewaterStateFromCode(draft.wastewater);
        if (!next.wastewater)
            checks.add("wastewater_state", "Trạng thái trạm xử lý nước thải không hợp lệ.",
                       "Unknown wastewater plant state.");
    }
    next.wastewaterCompliant = yesNo(checks, "wastewater_compliant", draft.wastewaterCompliant);
    if (next.wastewaterCompliant.value_or(false) && next.wastewater != WastewaterState::Built)
        checks.add("wastewater_compliant", "Chỉ trạm đã xây dựng mới có thể đạt tiêu chuẩn.",
                   "Only a built plant can meet the standard.");
    next.detailedPlanApproved =
        checks.date("detailed_plan_approved_on", draft.detailedPlanApproved, false);
    next.infraProjectApproved =
        checks.date("infra_project_approved_on", draft.infraProjectApproved, false);
    for (const auto& [field, day] :
         {std::pair{"detailed_plan_approved_on", next.detailedPlanApproved},
          {"infra_project_approved_on", next.infraProjectApproved}})
        if (day && today < *day)
            checks.add(field, "Ngày phê duyệt ở tương lai.", "The approval date is in the future.");
    next.craftVillage = yesNo(checks, "craft_village", draft.craftVillage);
    next.specialised = yesNo(checks, "specialised", draft.specialised);
    next.source = checks.text("source", draft.source, 1000, true);
    next.developerContact = checks.text("developer_contact", draft.developerContact, 500, false);
    next.leaseTerms = checks.text("lease_terms", draft.leaseTerms, 2000, false);
    if (!checks.ok())
        return std::move(checks.errors());
    return next;
}

ClusterFacts factsFromRegistry(const Cluster& cluster)
{
    ClusterFacts facts;
    facts.clusterId = cluster.id;
    if (cluster.nameVi.find("làng nghề") != std::string::npos)
    {
        facts.craftVillage = true;
        facts.source = "Tên cụm trong danh mục (\"làng nghề\")";
    }
    return facts;
}

} // namespace tracker
