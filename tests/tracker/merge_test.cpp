// The three-way merge behind every edit that arrives after someone else's save.
#include "tracker/merge.h"

#include <catch2/catch.hpp>

using namespace tracker;

namespace
{
std::string valueIn(const FieldValues& fields, const std::string& name)
{
    for (const auto& [field, value] : fields)
        if (field == name)
            return value;
    return "<missing>";
}

const FieldValues kBase{
    {"developer", "Công ty X"}, {"planned_investment_vnd", ""}, {"status", "implementation"}};
} // namespace

TEST_CASE("a field only the other person changed keeps their value, never a blank", "[merge]")
{
    // A set the investment; B, on the older copy, changed only the developer.
    const FieldValues theirs{{"developer", "Công ty X"},
                             {"planned_investment_vnd", "70000000000"},
                             {"status", "implementation"}};
    const FieldValues yours{
        {"developer", "Công ty B"}, {"planned_investment_vnd", ""}, {"status", "implementation"}};
    const auto merge = mergeThreeWay(kBase, theirs, yours);
    CHECK(merge.clashes.empty());
    CHECK(valueIn(merge.merged, "planned_investment_vnd") == "70000000000");
    CHECK(valueIn(merge.merged, "developer") == "Công ty B");
    REQUIRE(merge.theirsKept.size() == 1);
    CHECK(merge.theirsKept.front() == "planned_investment_vnd");
}

TEST_CASE("a field both changed to different values is a clash the person decides", "[merge]")
{
    const FieldValues theirs{
        {"developer", "Công ty A"}, {"planned_investment_vnd", ""}, {"status", "completion"}};
    const FieldValues yours{
        {"developer", "Công ty B"}, {"planned_investment_vnd", ""}, {"status", "completion"}};
    const auto merge = mergeThreeWay(kBase, theirs, yours);
    REQUIRE(merge.clashes.size() == 1); // the same new status is agreement, not a clash
    CHECK(merge.clashes[0].field == "developer");
    CHECK(merge.clashes[0].before == "Công ty A");
    CHECK(merge.clashes[0].after == "Công ty B");
    CHECK(valueIn(merge.merged, "developer") == "Công ty B"); // what was typed is not lost

    const auto kept = mergeThreeWay(kBase, theirs, yours, {"developer"});
    CHECK(kept.clashes.empty());
    CHECK(valueIn(kept.merged, "developer") == "Công ty A");
}

TEST_CASE("with the starting version unknown, every difference is put to the person", "[merge]")
{
    const FieldValues theirs{{"developer", "Công ty A"}, {"status", "implementation"}};
    const FieldValues yours{{"developer", "Công ty B"}, {"status", "implementation"}};
    const auto merge = mergeThreeWay(std::nullopt, theirs, yours);
    REQUIRE(merge.clashes.size() == 1);
    CHECK(merge.clashes[0].field == "developer");
    // Choosing theirs with no known base keeps the stored value.
    CHECK(valueIn(mergeThreeWay(std::nullopt, theirs, yours, {"developer"}).merged, "developer") ==
          "Công ty A");
}

TEST_CASE("drafts, accounts and plans go to field values and back unchanged", "[merge]")
{
    RegistryDraft registry;
    registry.nameVi = "CCN Hữu Bằng";
    registry.plannedInvestment = "600000000";
    registry.sourceNotes = "ghi chú";
    const auto again = registryDraftOf(fieldValues(registry));
    CHECK(again.nameVi == registry.nameVi);
    CHECK(again.plannedInvestment == registry.plannedInvestment);
    CHECK(again.sourceNotes == registry.sourceNotes);

    TenantDraft tenant;
    tenant.taxCode = "0100109106";
    tenant.supportingIndustry = "1";
    CHECK(tenantDraftOf(fieldValues(tenant)).taxCode == "0100109106");
    CHECK(tenantDraftOf(fieldValues(tenant)).supportingIndustry == "1");

    Account account;
    account.id = 7;
    account.email = "a@example.vn";
    account.name = "Nguyễn Văn A";
    account.role = Role::CommuneOfficial;
    account.communes = {"10369", "10370"};
    const auto back =
        accountWith(Account{7, "a@example.vn", "", Role::Viewer, {}, {}, {}}, fieldValues(account));
    CHECK(back.name == account.name);
    CHECK(back.role == Role::CommuneOfficial);
    CHECK(back.communes == account.communes);
    CHECK(back.districts.empty());

    std::vector<PlanDraft> plan{{"11", "2026-01-01", "2026-06-30", "100", ""},
                                {"12", "2026-02-01", "2026-07-31", "200", ""}};
    const auto moved =
        planWith(plan, {{"items[1].planned_finish", "2026-12-31"}, {"items[0].budget_vnd", "150"}});
    CHECK(moved[1].plannedFinish == "2026-12-31");
    CHECK(moved[0].budget == "150");
    CHECK(moved[0].plannedFinish == "2026-06-30");
    CHECK(planWith(plan, {{"items[9].budget_vnd", "1"}, {"bogus", "1"}})[0].budget == "100");
}
