// Backup and restore: a backup taken while others write holds one consistent instant; a
// restore gives back every table exactly, or refuses and changes nothing.
#include "persistence/backup.h"
#include "persistence/cluster_repository.h"
#include "persistence/demo_seeder.h"
#include "persistence/dialect.h"
#include "persistence/migrations.h"
#include "persistence/report_repository.h"
#include "support/test_database.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <soci/soci.h>
#include <thread>
#include <unistd.h>

using namespace tracker;
using namespace tracker::persistence;

namespace
{
const AuditContext kWriter{"writer@example.vn", "127.0.0.1", "2026-11-27T09:00:00+07:00"};

// Every row of every data table as text, keyed by table, rows sorted.
using Contents = std::map<std::string, std::vector<std::string>>;

Contents contentsOf(Database& database)
{
    Contents contents;
    database.withSession(
        [&](soci::session& session)
        {
            for (const auto& table : dialect::tableNames(session))
            {
                if (table == "schema_version")
                    continue;
                std::string select;
                for (const auto& column : dialect::columnNames(session, table))
                    select += (select.empty() ? "" : ", ") + dialect::columnAsText(column);
                auto& rows = contents[table];
                soci::rowset<soci::row> found = session.prepare
                                                << "SELECT " + select + " FROM " + table;
                for (const auto& row : found)
                {
                    std::string line;
                    for (std::size_t i = 0; i < row.size(); ++i)
                        line +=
                            (row.get_indicator(i) == soci::i_null ? "∅" : row.get<std::string>(i)) +
                            "|";
                    rows.push_back(line);
                }
                std::sort(rows.begin(), rows.end());
            }
        });
    return contents;
}

std::int64_t countOf(Database& database, const std::string& query)
{
    std::int64_t count = 0;
    database.withSession([&](soci::session& session) { session << query, soci::into(count); });
    return count;
}

struct BackupFile
{
    std::string path = (std::filesystem::temp_directory_path() /
                        ("tracker-backup-" + std::to_string(getpid()) + "-" +
                         std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".sqlite"))
                           .string();
    ~BackupFile() { std::filesystem::remove(path); }
};

void seed(Database& database)
{
    migrate(database);
    SeedOptions options;
    options.seedDirectory = TRACKER_SEED_DIR;
    options.asOf = Date{2026, 11, 27};
    REQUIRE(seedDemoData(database, options).seeded);
}

const CopyProgress kQuiet = [](const std::string&) {};

// A pid is reused: a file left by a killed run with this pid must not be taken as empty.
std::string withoutLeftovers(const std::string& path)
{
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    return path;
}

// A sqlite: test database beside the run's backend, for restoring across backends.
struct SqliteTarget
{
    std::string path =
        withoutLeftovers((std::filesystem::temp_directory_path() /
                          ("tracker-restore-target-" + std::to_string(getpid()) + ".db"))
                             .string());
    std::unique_ptr<Database> database =
        std::make_unique<Database>(DatabaseUrl::parse("sqlite:" + path), 2);
    ~SqliteTarget()
    {
        database.reset();
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path + suffix);
    }
};
} // namespace

TEST_CASE("a restored backup holds exactly every table of the source", "[db][backup]")
{
    testing::TestDatabase source;
    seed(source.database());
    BackupFile file;
    const auto backedUp = backupDatabase(source.database(), file.path, kQuiet);
    CHECK(backedUp.rows > 1000);
    CHECK_FALSE(std::filesystem::exists(file.path + ".partial"));

    testing::TestDatabase target;
    migrate(target.database());
    const auto restored = restoreDatabase(file.path, target.database(), kQuiet);
    CHECK(restored.rows == backedUp.rows);
    CHECK(restored.tables == backedUp.tables);
    const auto expected = contentsOf(source.database());
    CHECK(contentsOf(target.database()) == expected);

    // Read back through the repository: diacritics, exact money and dates survive.
    const auto original =
        ClusterRepository(source.database()).findDetail("huu-bang", 6, {2026, 11, 27});
    const auto copy =
        ClusterRepository(target.database()).findDetail("huu-bang", 6, {2026, 11, 27});
    REQUIRE(original);
    REQUIRE(copy);
    CHECK(copy->summary.cluster.nameVi == original->summary.cluster.nameVi);
    CHECK(copy->summary.cluster.plannedInvestment == original->summary.cluster.plannedInvestment);
    CHECK(copy->reports.size() == original->reports.size());
    CHECK(copy->reports.front().date == original->reports.front().date);

    SECTION("and restores into the other backend as well")
    {
        SqliteTarget sqlite;
        migrate(*sqlite.database);
        restoreDatabase(file.path, *sqlite.database, kQuiet);
        CHECK(contentsOf(*sqlite.database) == expected);
    }
}

TEST_CASE("a backup taken under writes is one consistent instant", "[db][backup]")
{
    testing::TestDatabase source;
    seed(source.database());
    const auto writerDatabase = source.connectAgain(1);
    const auto clusterId = countOf(source.database(), "SELECT MIN(id) FROM clusters");
    const auto itemId =
        countOf(source.database(),
                "SELECT MIN(id) FROM work_items WHERE cluster_id = " + std::to_string(clusterId));
    const auto before = countOf(source.database(), "SELECT COUNT(*) FROM progress_reports");

    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::thread writer(
        [&]
        {
            ReportRepository reports(*writerDatabase);
            while (!stop)
            {
                ProgressReport report;
                report.clusterId = clusterId;
                report.date = {2026, 11, 28};
                report.lines = {{itemId, 50 + written % 50}};
                report.disbursedToDate = 1'000'000'000 + written;
                report.author = "Người viết";
                reports.submitReport(report, kWriter);
                ++written;
            }
        });
    while (written < 5)
        std::this_thread::yield();
    BackupFile file;
    backupDatabase(source.database(), file.path, kQuiet);
    const int writtenAtEnd = written;
    stop = true;
    writer.join();
    REQUIRE(writtenAtEnd > 5);

    testing::TestDatabase target;
    migrate(target.database());
    restoreDatabase(file.path, target.database(), kQuiet);
    const auto restoredReports =
        countOf(target.database(), "SELECT COUNT(*) FROM progress_reports");
    CHECK(restoredReports >= before + 5);
    CHECK(restoredReports <= before + written);
    // The same instant in every table: each restored report has its lines and its audit entry.
    CHECK(countOf(target.database(), "SELECT COUNT(*) FROM progress_reports r WHERE NOT EXISTS "
                                     "(SELECT 1 FROM report_lines l WHERE l.report_id = r.id)") ==
          countOf(source.database(), "SELECT COUNT(*) FROM progress_reports r WHERE NOT EXISTS "
                                     "(SELECT 1 FROM report_lines l WHERE l.report_id = r.id)"));
    CHECK(countOf(target.database(),
                  "SELECT COUNT(*) FROM audit_log WHERE entity = 'progress_report'") ==
          restoredReports - before);
    // And every restored row is the source's row with that id.
    const auto newest = countOf(target.database(), "SELECT MAX(id) FROM progress_reports");
    auto sourceRows = contentsOf(source.database())["progress_reports"];
    const auto restoredRows = contentsOf(target.database())["progress_reports"];
    for (const auto& row : restoredRows)
        CHECK(std::binary_search(sourceRows.begin(), sourceRows.end(), row));
    CHECK(newest > 0);
}

TEST_CASE("a restore refuses a database with rows and a file that is no backup", "[db][backup]")
{
    testing::TestDatabase source;
    seed(source.database());
    BackupFile file;
    backupDatabase(source.database(), file.path, kQuiet);
    const auto before = contentsOf(source.database());

    CHECK_THROWS_WITH(restoreDatabase(file.path, source.database(), kQuiet),
                      Catch::Contains("needs an empty database") &&
                          Catch::Contains("restore into a new database"));
    CHECK(contentsOf(source.database()) == before);

    testing::TestDatabase target;
    migrate(target.database());
    CHECK_THROWS_WITH(restoreDatabase(file.path + ".missing", target.database(), kQuiet),
                      Catch::Contains("no backup file"));
    {
        std::ofstream(file.path, std::ios::trunc) << "clusters,not a database\n";
    }
    CHECK_THROWS_AS(restoreDatabase(file.path, target.database(), kQuiet), BackupError);
    CHECK(countOf(target.database(), "SELECT COUNT(*) FROM clusters") == 0);
}
