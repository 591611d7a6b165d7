// The repositories the back office, the API and the import write through: each change
// commits with its audit entry, a save over a newer version changes nothing, and baselines
// keep every earlier plan.
#include "persistence/audit_repository.h"
#include "persistence/baseline_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/cluster_writer.h"
#include "persistence/import_job_repository.h"
#include "persistence/import_writer.h"
#include "persistence/migrations.h"
#include "persistence/registry_repository.h"
#include "persistence/report_repository.h"
#include "persistence/tenant_repository.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>
#include <map>
#include <soci/soci.h>

using namespace tracker;
using namespace tracker::persistence;

namespace
{
const AuditContext kEditor{"binh@example.vn", "127.0.0.1", "2026-11-27T09:00:00+07:00"};

// One cluster with two work items, as the seed would store it.
struct OneCluster
{
    testing::TestDatabase test;
    std::int64_t clusterId = 0;
    std::vector<std::int64_t> items;

    OneCluster()
    {
        migrate(test.database());
        test.database().withSession(
            [&](soci::session& session)
            {
                Cluster cluster;
                cluster.code = "huu-bang";
                cluster.nameVi = "Cụm công nghiệp Hữu Bằng";
                cluster.district = "Thạch Thất";
                clusterId = insertCluster(session, cluster);
                for (const auto kind : {WorkKind::SiteClearance, WorkKind::InternalRoads})
                {
                    WorkItem item;
                    item.clusterId = clusterId;
                    item.kind = kind;
                    item.plannedStart = {2026, 1, 1};
                    item.plannedFinish = {2026, 12, 31};
                    item.budget = 1'000'000'000;
                    items.push_back(insertWorkItem(session, item));
                }
            });
    }
    std::vector<AuditEntry> audit(const std::string& entity)
    {
        AuditFilter filter;
        filter.entity = entity;
        return listAudit(test.database(), filter);
    }
};

Tenant tenantOf(std::int64_t clusterId, const std::string& name)
{
    Tenant tenant;
    tenant.clusterId = clusterId;
    tenant.companyName = name;
    tenant.taxCode = "0100109106";
    tenant.leasedArea = 12'000;
    return tenant;
}
} // namespace

TEST_CASE("a registry edit over a newer version changes nothing, one that holds is audited",
          "[db][edits]")
{
    OneCluster fixture;
    RegistryRepository registry(fixture.test.database());
    auto cluster = registry.findCluster("huu-bang");
    REQUIRE(cluster);
    CHECK(cluster->items.size() == 2);
    auto next = cluster->cluster;
    next.developer = "Công ty CP Đầu tư Hữu Bằng";
    const auto saved = registry.updateRegistry(next, cluster->cluster.version, kEditor);
    CHECK(saved.saved);
    CHECK(saved.current.version == cluster->cluster.version + 1);
    next.developer = "late";
    const auto stale = registry.updateRegistry(next, cluster->cluster.version, kEditor);
    CHECK_FALSE(stale.saved);
    CHECK(stale.current.developer == "Công ty CP Đầu tư Hữu Bằng");
    const auto audit = fixture.audit("cluster");
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].actor == "binh@example.vn");
    CHECK(audit[0].changes.find("Hữu Bằng") != std::string::npos);
    CHECK_FALSE(registry.findCluster("khong-co"));
    CHECK(registry.findClusterById(fixture.clusterId)->code == "huu-bang");
}

TEST_CASE("a report moves its items and is audited, the latest disbursement is the newest "
          "report's",
          "[db][edits]")
{
    OneCluster fixture;
    ReportRepository reports(fixture.test.database());
    CHECK_FALSE(reports.latestDisbursed(fixture.clusterId));
    ProgressReport report;
    report.clusterId = fixture.clusterId;
    report.date = {2026, 11, 20};
    report.lines = {{fixture.items[0], 60}};
    report.disbursedToDate = 500'000'000;
    report.author = "Bình";
    reports.submitReport(report, kEditor);
    report.date = {2026, 11, 25};
    report.lines = {{fixture.items[0], 80}, {fixture.items[1], 10}};
    report.disbursedToDate = 700'000'000;
    reports.submitReport(report, kEditor);
    CHECK(reports.latestDisbursed(fixture.clusterId) == 700'000'000);
    const auto items = RegistryRepository(fixture.test.database()).findCluster("huu-bang")->items;
    CHECK(items[0].percentDone == 80);
    CHECK(items[1].percentDone == 10);
    CHECK(fixture.audit("progress_report").size() == 2);
}

// Issue 11, item 1: a report dated 2020-01-01 put site clearance at 100 % over the latest
// report's 50 %, because the last one filed won.
TEST_CASE("a report filed late for an earlier date takes its place in the history and leaves the "
          "current figures alone",
          "[db][edits]")
{
    OneCluster fixture;
    ReportRepository reports(fixture.test.database());
    ProgressReport report;
    report.clusterId = fixture.clusterId;
    report.author = "Bình";
    report.date = {2026, 11, 30};
    report.lines = {{fixture.items[0], 50}};
    report.disbursedToDate = 514'000'000;
    reports.submitReport(report, kEditor);
    report.date = {2020, 1, 1}; // filed later, about long before
    report.lines = {{fixture.items[0], 100}, {fixture.items[1], 30}};
    report.disbursedToDate = 999'000'000;
    reports.submitReport(report, kEditor);
    auto items = RegistryRepository(fixture.test.database()).findCluster("huu-bang")->items;
    CHECK(items[0].percentDone == 50); // the newest report that names it still says 50
    CHECK(items[1].percentDone == 30); // no newer report names this one
    CHECK(reports.latestDisbursed(fixture.clusterId) == 514'000'000);
    report.date = {2026, 12, 1};
    report.lines = {{fixture.items[0], 60}};
    reports.submitReport(report, kEditor);
    items = RegistryRepository(fixture.test.database()).findCluster("huu-bang")->items;
    CHECK(items[0].percentDone == 60);
}

TEST_CASE("a tenant update over a newer version changes nothing", "[db][edits]")
{
    OneCluster fixture;
    TenantRepository tenants(fixture.test.database());
    const auto id = tenants.createTenant(tenantOf(fixture.clusterId, "Công ty A"), kEditor);
    auto next = *tenants.findTenant(id);
    next.jobs = 120;
    CHECK(tenants.updateTenant(next, 1, kEditor).saved);
    next.jobs = 5;
    const auto stale = tenants.updateTenant(next, 1, kEditor);
    CHECK_FALSE(stale.saved);
    CHECK(stale.current.jobs == 120);
    CHECK(fixture.audit("tenant").size() == 2); // create and one update
}

TEST_CASE("re-baselining keeps the original plan as baseline 1 and refuses a stale plan",
          "[db][edits]")
{
    OneCluster fixture;
    BaselineRepository baselines(fixture.test.database());
    CHECK(baselines.latestBaseline(fixture.clusterId) == 0);
    auto plan = RegistryRepository(fixture.test.database()).findCluster("huu-bang")->items;
    plan[1].plannedFinish = {2027, 6, 30};
    WorkItem added;
    added.kind = WorkKind::WastewaterPlant;
    added.plannedStart = {2027, 1, 1};
    added.plannedFinish = {2027, 12, 31};
    added.budget = 2'000'000'000;
    plan.push_back(added);
    CHECK(baselines.rebaseline(fixture.clusterId, plan, "Chậm giải phóng mặt bằng", kEditor, 0) ==
          2);
    CHECK_FALSE(baselines.rebaseline(fixture.clusterId, plan, "again", kEditor, 0)); // stale
    const auto all = baselines.baselines(fixture.clusterId);
    REQUIRE(all.size() == 2);
    CHECK(all[0].number == 1);
    CHECK(all[0].items.size() == 2); // the original plan, before the new item
    CHECK(all[0].items[1].plannedFinish == Date{2026, 12, 31});
    CHECK(all[1].items.size() == 3);
    CHECK(all[1].reason == "Chậm giải phóng mặt bằng");
    const auto items = RegistryRepository(fixture.test.database()).findCluster("huu-bang")->items;
    CHECK(items.size() == 3);
    CHECK(items[1].plannedFinish == Date{2027, 6, 30});
    CHECK(fixture.audit("work_item").size() == 1);
    CHECK(fixture.audit("baseline").size() == 1);
}

TEST_CASE("an import writes every record with its audit entry and marks its job written",
          "[db][edits][import]")
{
    OneCluster fixture;
    ImportJobRepository jobs(fixture.test.database());
    ImportJobRow job;
    job.id = "job-1";
    job.owner = "binh@example.vn";
    job.kind = "tenants";
    job.dryRun = false;
    job.state = "running";
    job.startedAt = "2026-11-27T09:00:00+07:00";
    job.heartbeatAt = 100;
    jobs.start(job, 0);
    std::size_t heard = 0;
    ImportWriter(fixture.test.database())
        .importRecords(
            {tenantOf(fixture.clusterId, "A"), tenantOf(fixture.clusterId, "B")}, {}, kEditor,
            [&](std::size_t n) { heard = n; }, "job-1");
    CHECK(fixture.audit("tenant").size() == 2);
    CHECK(jobs.find("job-1")->state == "written");
    CHECK(heard == 0); // progress is told every 1,000 records
    jobs.progress("job-1", "written", 2, 2, 150);
    jobs.finish("job-1", "finished", "{\"rows\":2}", 200);
    const auto done = jobs.find("job-1");
    REQUIRE(done);
    CHECK(done->state == "finished");
    CHECK(done->outcome == "{\"rows\":2}");
    CHECK(done->heartbeatAt == 200);
    job.id = "job-2";
    jobs.start(job, 201); // forgets jobs silent since before 201
    CHECK_FALSE(jobs.find("job-1"));
    CHECK(jobs.find("job-2"));
}

TEST_CASE("the audit log filters by entity, record, cluster, actor and date", "[db][audit]")
{
    OneCluster fixture;
    auto& database = fixture.test.database();
    appendAuditNow(database, kEditor, "cluster", fixture.clusterId, "update", "{}");
    appendAuditNow(database, {"an@example.vn", "10.0.0.1", "2026-11-28T10:00:00+07:00"}, "tenant",
                   7, "create", "{}");
    AuditFilter filter;
    CHECK(listAudit(database, filter).size() == 2);
    filter.actor = "an@example.vn";
    CHECK(listAudit(database, filter).size() == 1);
    filter = {};
    filter.since = "2026-11-28";
    REQUIRE(listAudit(database, filter).size() == 1);
    CHECK(listAudit(database, filter)[0].entity == "tenant");
    filter = {};
    filter.entity = "tenant";
    filter.entityId = 8;
    CHECK(listAudit(database, filter).empty());
    CHECK(latestAuditId(database) > 0);
}

TEST_CASE("a create with a key used before writes nothing and names the first record",
          "[db][edits]")
{
    OneCluster fixture;
    ReportRepository reports(fixture.test.database());
    ProgressReport report;
    report.clusterId = fixture.clusterId;
    report.date = {2026, 11, 20};
    report.lines = {{fixture.items[0], 40}};
    report.disbursedToDate = 300'000'000;
    const RequestKey key{"7:retry-1", "fingerprint-a"};
    const auto first = reports.submitReport(report, kEditor, key);
    try
    {
        reports.submitReport(report, kEditor, key);
        FAIL("the second create with the key was written");
    }
    catch (const RepeatedRequest& repeated)
    {
        CHECK(repeated.entityId == first);
        CHECK(repeated.sameRequest);
    }
    try
    {
        reports.submitReport(report, kEditor, RequestKey{"7:retry-1", "fingerprint-b"});
        FAIL("a create with the key and another request was written");
    }
    catch (const RepeatedRequest& repeated)
    {
        CHECK_FALSE(repeated.sameRequest);
    }
    CHECK(fixture.audit("progress_report").size() == 1);
    CHECK(reports.submitReport(report, kEditor, RequestKey{"8:retry-1", "fingerprint-a"}) !=
          first); // another account's key
    CHECK(fixture.audit("progress_report").size() == 2);
}

TEST_CASE("a cluster's reports come back with their own lines, however many are read",
          "[db][edits]")
{
    OneCluster fixture;
    ReportRepository reports(fixture.test.database());
    std::map<std::int64_t, std::vector<ReportLine>> submitted;
    for (int i = 0; i < 24; ++i) // three reports a day: ties on the date, ordered by id
    {
        ProgressReport report;
        report.clusterId = fixture.clusterId;
        report.date = {2026, 11, 1 + i / 3};
        report.lines = {{fixture.items[0], i}, {fixture.items[1], 100 - i}};
        report.disbursedToDate = 1'000'000 * (i + 1);
        submitted[reports.submitReport(report, kEditor)] = report.lines;
    }
    for (const int limit : {5, 17, 18, 19, 1000}) // one query per report, then one for all
    {
        INFO("limit " << limit);
        const auto detail = ClusterRepository(fixture.test.database())
                                .findDetail("huu-bang", limit, {2026, 11, 30});
        REQUIRE(detail);
        REQUIRE(detail->reports.size() == static_cast<std::size_t>(std::min(limit, 24)));
        for (const auto& report : detail->reports)
        {
            const auto& expected = submitted.at(report.id);
            REQUIRE(report.lines.size() == expected.size());
            for (std::size_t i = 0; i < expected.size(); ++i)
            {
                CHECK(report.lines[i].workItemId == expected[i].workItemId);
                CHECK(report.lines[i].percent == expected[i].percent);
            }
        }
    }
}
