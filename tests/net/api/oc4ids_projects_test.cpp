// The OC4IDS package put together from projects kept between renders: the same package as
// the one built in one piece, and a change re-makes only the changed cluster's project.
#include "net/api/oc4ids.h"
#include "net/api/oc4ids_projects.h"
#include "persistence/cluster_repository.h"
#include "persistence/demo_seeder.h"
#include "persistence/migrations.h"
#include "support/test_database.h"

#include <Poco/JSON/Parser.h>
#include <catch2/catch.hpp>
#include <sstream>

using namespace tracker;
using namespace tracker::net;

namespace
{
const Date kToday{2026, 11, 27};

std::string canonical(const std::string& json)
{
    Poco::JSON::Parser parser;
    std::ostringstream out;
    parser.parse(json).extract<Poco::JSON::Object::Ptr>()->stringify(out);
    return out.str();
}
} // namespace

TEST_CASE("the OC4IDS package from kept projects equals the one built whole, and a change "
          "re-makes one project",
          "[oc4ids][db]")
{
    testing::TestDatabase test;
    auto& database = test.database();
    persistence::migrate(database);
    persistence::SeedOptions options;
    options.seedDirectory = std::string(TRACKER_ETC_DIR) + "/seed";
    options.asOf = kToday;
    REQUIRE(persistence::seedDemoData(database, options).seeded);
    const DistrictMap map(std::string(TRACKER_ETC_DIR) + "/map");
    Oc4idsProjects projects;

    // Before the maker's first round there is no package; after it, every project.
    CHECK(projects.texts().missing > 0);
    projects.refresh(database, map, kToday);
    const auto all = projects.texts();
    REQUIRE(all.missing == 0);
    CHECK(all.stale == 0);
    REQUIRE(all.projects.size() == all.total);
    REQUIRE(all.total > 40);

    const auto details = persistence::ClusterRepository(database).listDetails(100000, kToday);
    std::ostringstream whole;
    oc4idsPackage(details, map, kToday, "https://ccn.example.vn").stringify(whole);
    CHECK(canonical(oc4idsPackageText(all.projects, kToday, "https://ccn.example.vn")) ==
          canonical(whole.str()));

    // One cluster changed: until the maker has been, its old project is served as stale;
    // then it alone is made again.
    const auto codes = persistence::ClusterRepository(database).clusterCodes();
    projects.changed({codes[3]});
    const auto waiting = projects.texts();
    CHECK(waiting.stale == 1);
    CHECK(waiting.projects[3] == all.projects[3]);
    projects.refresh(database, map, kToday);
    const auto after = projects.texts();
    CHECK(after.stale == 0);
    REQUIRE(after.projects.size() == all.projects.size());
    for (std::size_t i = 0; i < after.projects.size(); ++i)
        CHECK((after.projects[i] == all.projects[i]) == (i != 3));
    // Everything changed: all stale, still served; a new day makes them all again.
    projects.changedAll();
    CHECK(projects.texts().stale == all.total);
    CHECK(projects.texts().missing == 0);
    projects.refresh(database, map, kToday.plusDays(1));
    CHECK(projects.texts().stale == 0);
    CHECK(projects.texts().projects.front() != all.projects.front());
}
