#include "persistence/cluster_repository.h"
#include "persistence/demo_seeder.h"
#include "persistence/migrations.h"
#include "persistence/seed_reader.h"
#include "support/test_database.h"

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

TEST_CASE("the seed file holds 44 clusters, 2018-2020 cohort first", "[seed]")
{
    const auto clusters = readSeedClusters(std::string(TRACKER_SEED_DIR) + "/clusters.csv");
    REQUIRE(clusters.size() == 44);
    CHECK(clusters.front().nameVi == "Cụm công nghiệp làng nghề Hữu Bằng");
}

TEST_CASE("the demo seed stores sourced figures exactly and leaves unknowns empty", "[db][seed]")
{
    testing::TestDatabase test;
    migrate(test.database());
    const auto outcome = seedDemoData(test.database(), demoOptions());
    REQUIRE(outcome.seeded);
    CHECK(outcome.clusters == 44);
    CHECK(outcome.tenants > 0);

    ClusterRepository repository(test.database());
    const auto all = repository.listSummaries(Date{2026, 11, 27});
    REQUIRE(all.size() == 44);

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
        CHECK(ClusterRepository(test.database()).count() == 44);
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
