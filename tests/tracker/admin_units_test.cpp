// The 2025 units: a placement is read exactly, named as sure as the source is, and a digest
// scoped to a commune hears of every cluster that lies, or may lie, in it.
#include "tracker/admin_units.h"
#include "tracker/digest_rules.h"
#include "tracker/roles.h"
#include "tracker/subscription.h"

#include <catch2/catch.hpp>

using namespace tracker;

namespace
{
AdminUnits someUnits()
{
    return AdminUnits(
        {{"10003", "Xã Tây Phương", "xã", "xa-tay-phuong", {"Thạch Thất"}, ""},
         {"09910", "Xã Kiều Phú", "xã", "xa-kieu-phu", {"Quốc Oai"}, ""},
         {"10015", "Phường Chương Mỹ", "phường", "phuong-chuong-my", {"Chương Mỹ"}, ""}});
}
} // namespace

TEST_CASE("a placement list reads codes and candidates and refuses anything else", "[units]")
{
    const auto units = parsePlacedUnits("09895 09910?");
    REQUIRE(units);
    REQUIRE(units->size() == 2);
    CHECK(units->at(0).certain);
    CHECK_FALSE(units->at(1).certain);
    CHECK(formatPlacedUnits(*units) == "09895 09910?");
    CHECK(parsePlacedUnits("")->empty());
    for (const char* bad : {"1036", "103699", "10369 10369", "abcde", "10369??", "10369,09910"})
    {
        INFO(bad);
        CHECK_FALSE(parsePlacedUnits(bad));
    }
}

TEST_CASE("a placement is named as sure as its source, in both languages", "[units]")
{
    const auto units = someUnits();
    const auto describe = [&](const char* codes, UnitBasis basis, bool english)
    { return describePlacement(*parsePlacedUnits(codes), basis, units, english); };
    CHECK(describe("10015", UnitBasis::Resolution, false) == "phường Chương Mỹ");
    CHECK(describe("10015", UnitBasis::Resolution, true) == "Chương Mỹ ward");
    CHECK(describe("10003? 09910?", UnitBasis::Split, false) ==
          "xã Tây Phương hoặc xã Kiều Phú (chưa xác minh)");
    CHECK(describe("10003? 09910?", UnitBasis::Split, true) ==
          "Tây Phương commune or Kiều Phú commune (unverified)");
    CHECK(describe("10003 09910", UnitBasis::Resolution, false) == "xã Tây Phương và xã Kiều Phú");
    CHECK(describe("10003 09910?", UnitBasis::Split, false) ==
          "xã Tây Phương, có thể cả xã Kiều Phú (chưa xác minh)");
    CHECK(describe("10003?", UnitBasis::Guess, false) ==
          "xã Tây Phương (phỏng đoán, chưa xác minh)");
    CHECK(describe("", UnitBasis::Unmapped, false) == "chưa xác định");
    CHECK(units.formedFromDistrict("Quốc Oai").size() == 1);
    CHECK(units.bySlug("xa-kieu-phu")->code == "09910");
}

TEST_CASE("a commune scope follows the unit's clusters, candidates included", "[units]")
{
    CHECK(parseDigestScope("commune:10369"));
    CHECK_FALSE(parseDigestScope("commune:ung-thien"));
    CHECK_FALSE(parseDigestScope("commune:10369?"));
    Subscription subscription;
    subscription.scopeKind = "commune";
    subscription.scopeValue = "09910";
    DelayFlag flag;
    flag.units = *parsePlacedUnits("10003? 09910?");
    CHECK(inScope(subscription, flag));
    flag.units = *parsePlacedUnits("10015");
    CHECK_FALSE(inScope(subscription, flag));

    Account official;
    official.role = Role::CommuneOfficial;
    official.communes = {"09910"};
    Cluster cluster;
    cluster.units = *parsePlacedUnits("10003? 09910?");
    CHECK(may(official, ClusterAction::SubmitReport, cluster));
    cluster.units = *parsePlacedUnits("10015");
    CHECK_FALSE(may(official, ClusterAction::SubmitReport, cluster));
}
