#include "persistence/cluster_repository.h"
#include "persistence/demo_seeder.h"
#include "persistence/migrations.h"
#include "persistence/seed_reader.h"
#include "support/test_database.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <soci/soci.h>

using namespace tracker;
using namespace tracker::persistence;

namespace
{
SeedOptions demoOptions()
{
    SeedOptions options;
    options.seedDirectory = TRACKER_SEED_DIR;
    options.asOf = Date{2026, 11, 27};
    return options;
}

const ClusterSummary& byCode(const std::vector<ClusterSummary>& all, const std::string& code)
{
    for (const auto& s : all)
    {
        if (s.cluster.code == code)
            return s;
    }
    FAIL("no cluster " << code);
    throw std::logic_error("unreachable");
}
} // namespace

TEST_CASE("the seed file holds 2022's 44 clusters and the three established on 11/03/2025",
          "[seed]")
{
    const auto clusters = readSeedClusters(std::string(TRACKER_SEED_DIR) + "/clusters.csv");
    REQUIRE(clusters.size() == 47);
    CHECK(clusters.front().nameVi == "Cụm công nghiệp làng nghề Hữu Bằng");
    const auto cohort2022 = std::count_if(clusters.begin(), clusters.end(),
                                          [](const Cluster& c) { return c.cohort == 2022; });
    CHECK(cohort2022 == 44);
    for (std::size_t i = 44; i < clusters.size(); ++i)
    {
        CHECK(clusters[i].cohort == 2025);
        CHECK(clusters[i].decisionDate == "2025-03-11");
        CHECK(clusters[i].sourceUrl.find("igip.gov.vn") != std::string::npos);
        CHECK(clusters[i].unitBasis == UnitBasis::Guess); // the source names no commune
    }
}

TEST_CASE("the seed places every cluster in its 2025 unit, an unsure one marked as such", "[seed]")
{
    const auto clusters = readSeedClusters(std::string(TRACKER_SEED_DIR) + "/clusters.csv");
    const auto find = [&](const std::string& code)
    {
        const auto found = std::find_if(clusters.begin(), clusters.end(),
                                        [&](const Cluster& c) { return c.code == code; });
        REQUIRE(found != clusters.end());
        return *found;
    };
    const auto cauBau = find("cau-bau-gd-2");
    CHECK(cauBau.district == "Ứng Hòa");
    CHECK(cauBau.unitBasis == UnitBasis::Resolution);
    REQUIRE(cauBau.units.size() == 1);
    CHECK(cauBau.units[0].code == "10369");
    CHECK(cauBau.units[0].certain);

    const auto huuBang = find("huu-bang"); // xã Quang Trung was split in two
    CHECK(huuBang.unitBasis == UnitBasis::Split);
    CHECK(formatPlacedUnits(huuBang.units) == "10003? 09910?");

    const auto straddling = find("thanh-van-tan-uoc"); // two whole communes, two new units
    CHECK(formatPlacedUnits(straddling.units) == "10144 10180");

    const auto partly = find("ngoc-my-thach-than"); // Thạch Thán sure, Ngọc Mỹ split
    CHECK(formatPlacedUnits(partly.units) == "09895 09910?");

    const auto ngocSon = find("ngoc-son"); // no xã Ngọc Sơn exists in Chương Mỹ
    CHECK(ngocSon.unitBasis == UnitBasis::Unmapped);
    CHECK(ngocSon.units.empty());

    int placed = 0;
    for (const auto& c : clusters)
        placed += c.units.empty() ? 0 : 1;
    CHECK(placed == 46);
}

TEST_CASE("the demo seed stores sourced figures exactly and leaves unknowns empty", "[db][seed]")
{
    testing::TestDatabase test;
    migrate(test.database());
    const auto outcome = seedDemoData(test.database(), demoOptions());
    REQUIRE(outcome.seeded);
    CHECK(outcome.clusters == 47);
    CHECK(outcome.tenants > 0);

    ClusterRepository repository(test.database());
    const auto all = repository.listSummaries(Date{2026, 11, 27});
    REQUIRE(all.size() == 47);
    const auto& cauBau = byCode(all, "cau-bau-gd-2").cluster; // stored and read back
    CHECK(formatPlacedUnits(cauBau.units) == "10369");
    CHECK(cauBau.unitBasis == UnitBasis::Resolution);
    CHECK(cauBau.unitSource.find("1656") != std::string::npos);
    CHECK(formatPlacedUnits(byCode(all, "huu-bang").cluster.units) == "10003? 09910?");
    CHECK(byCode(all, "hoa-binh-gd-1").cluster.cohort == 2025);

    const auto& huuBang = byCode(all, "huu-bang").cluster;
    CHECK(huuBang.nameVi == "Cụm công nghiệp làng nghề Hữu Bằng");
    CHECK(huuBang.district == "Thạch Thất");
    CHECK(huuBang.totalArea == 306000);                  // 30.6 ha
    CHECK(huuBang.plannedInvestment == 1100000000000LL); // 1.100 tỷ
    CHECK(huuBang.decisionDate == "2020-06");
    CHECK(huuBang.provenance == Provenance::Sourced);
    CHECK(huuBang.statusProvenance == Provenance::Illustrative);

    CHECK(byCode(all, "tan-trieu").cluster.totalArea == 98850);                 // 9.885 ha
    CHECK(byCode(all, "thuy-lam").cluster.plannedInvestment == 326243000000LL); // 326,243 tỷ

    const auto& dongLa = byCode(all, "dong-la").cluster; // the source gives no figures
    CHECK_FALSE(dongLa.totalArea);
    CHECK_FALSE(dongLa.plannedInvestment);
    CHECK(dongLa.developer.empty());

    const auto reported = repository.reportedTotals();
    REQUIRE(reported.size() == 1);
    CHECK(reported[0].year == 2022);
    CHECK(reported[0].clusterCount == 44);
    CHECK(reported[0].area == 8210000);
    CHECK(reported[0].investment == 16000000000000LL);
}

TEST_CASE("seeding never touches a database that holds data", "[db][seed]")
{
    testing::TestDatabase test;
    migrate(test.database());
    SECTION("a second seeding adds nothing")
    {
        REQUIRE(seedDemoData(test.database(), demoOptions()).seeded);
        CHECK_FALSE(seedDemoData(test.database(), demoOptions()).seeded);
        CHECK(ClusterRepository(test.database()).count() == 47);
    }
    SECTION("a database with its own cluster is left alone")
    {
        test.database().withSession(
            [](soci::session& session)
            {
                session << "INSERT INTO clusters (code, name_vi, district, status, provenance) "
                           "VALUES ('own', 'Cụm riêng', 'Ba Vì', 'preparation', 'sourced')";
            });
        CHECK_FALSE(seedDemoData(test.database(), demoOptions()).seeded);
        CHECK(ClusterRepository(test.database()).count() == 1);
    }
}

TEST_CASE("a broken seed file writes nothing and says where it broke", "[db][seed]")
{
    testing::TestDatabase test;
    migrate(test.database());
    char pattern[] = "/tmp/tracker-seed-XXXXXX";
    REQUIRE(mkdtemp(pattern) != nullptr);
    const std::string folder = pattern;
    std::filesystem::copy_file(std::string(TRACKER_SEED_DIR) + "/reported-totals.csv",
                               folder + "/reported-totals.csv");
    std::ofstream(folder + "/clusters.csv")
        << "code,name_vi,district,commune,area_ha,industrial_area_ha,investment_billion_vnd,"
           "developer,decision_number,decision_date,source_url,notes\n"
           "a,Cụm A,Ba Vì,,12.5,,100,,,,,\n"
           "b,Cụm B,Ba Vì,,about 3,,100,,,,,\n";
    SeedOptions options = demoOptions();
    options.seedDirectory = folder;
    CHECK_THROWS_WITH(seedDemoData(test.database(), options),
                      Catch::Contains("row 3") && Catch::Contains("area_ha"));
    CHECK(ClusterRepository(test.database()).count() == 0);
    std::filesystem::remove_all(folder);
}

TEST_CASE("a database seeded before the 2025 units gets each cluster's unit, audited", "[db][seed]")
{
    testing::TestDatabase test;
    migrate(test.database());
    REQUIRE(seedDemoData(test.database(), demoOptions()).seeded);
    test.database().withSession(
        [](soci::session& session)
        {
            session << "UPDATE clusters SET unit_codes = '', unit_basis = 'unmapped' "
                       "WHERE code IN ('cau-bau-gd-2', 'huu-bang')";
        });
    const AuditContext context{"system:units-2025", "start-up", "2026-12-01T08:00:00+07:00"};
    CHECK(placeUnmappedFromSeed(test.database(), TRACKER_SEED_DIR, context) == 2);
    CHECK(placeUnmappedFromSeed(test.database(), TRACKER_SEED_DIR, context) == 0); // once
    const auto all = ClusterRepository(test.database()).listSummaries(Date{2026, 12, 1});
    CHECK(formatPlacedUnits(byCode(all, "cau-bau-gd-2").cluster.units) == "10369");
    CHECK(byCode(all, "huu-bang").cluster.unitBasis == UnitBasis::Split);
    std::int64_t audited = 0;
    test.database().withSession(
        [&](soci::session& session)
        {
            session << "SELECT COUNT(*) FROM audit_log WHERE actor = 'system:units-2025' AND "
                       "changes LIKE '%unit_codes%'",
                soci::into(audited);
        });
    CHECK(audited == 2);
}
