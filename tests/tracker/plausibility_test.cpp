#include "tracker/plausibility.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace tracker;

namespace
{
ProgressReport report(const std::string& iso, int percent, Vnd disbursed, std::int64_t id = 0)
{
    ProgressReport r;
    r.id = id;
    r.date = *Date::parseIso(iso);
    r.lines = {{11, percent}};
    r.disbursedToDate = disbursed;
    return r;
}

bool has(const std::vector<Doubt>& doubts, const std::string& code, const std::string& field)
{
    return std::any_of(doubts.begin(), doubts.end(),
                       [&](const Doubt& d) { return d.code == code && d.field == field; });
}

struct Fixture
{
    Cluster cluster;
    std::vector<WorkItem> items;
    Fixture()
    {
        cluster.code = "dai-yen";
        cluster.decisionDate = "2019-06";
        cluster.totalArea = 14000; // 1.4 ha
        WorkItem item;
        item.id = 11;
        item.budget = 2'800'000'000;
        items = {item};
    }
};
} // namespace

TEST_CASE("a report below what is on record, or above a later one, is questioned",
          "[domain][plausibility]")
{
    const Fixture f;
    const std::vector<ProgressReport> onRecord{report("2026-10-31", 82, 514'000'000, 1),
                                               report("2026-11-30", 50, 600'000'000, 2)};
    // Lower than the report before it (82 % → 50 %, 514 M → 400 M): issue 11, item 3.
    auto doubts = reportDoubts(report("2026-11-15", 50, 400'000'000), f.cluster, f.items, onRecord);
    CHECK(has(doubts, "progress_decrease", "items[0].percent"));
    CHECK(has(doubts, "disbursed_decrease", "disbursed_vnd"));
    // Backdated to 2020 at 100 %: above the later reports' 82 % and 50 % (issue 11, item 1).
    doubts = reportDoubts(report("2020-01-01", 100, 0), f.cluster, f.items, onRecord);
    CHECK(has(doubts, "contradicts_later", "items[0].percent"));
    CHECK_FALSE(has(doubts, "progress_decrease", "items[0].percent"));
    // A plausible next report raises nothing.
    CHECK(
        reportDoubts(report("2026-12-01", 55, 650'000'000), f.cluster, f.items, onRecord).empty());
}

TEST_CASE("a disbursement far above the plan and a date before the cluster are questioned",
          "[domain][plausibility]")
{
    const Fixture f;
    auto doubts = reportDoubts(report("2026-11-20", 10, 999'999'999'999), f.cluster, f.items, {});
    CHECK(has(doubts, "disbursed_above_plan", "disbursed_vnd"));
    CHECK(doubts.front().vi.find("999.999.999.999") != std::string::npos);
    CHECK(reportDoubts(report("2026-11-20", 10, 3'000'000'000), f.cluster, f.items, {}).empty());
    doubts = reportDoubts(report("2019-05-31", 0, 0), f.cluster, f.items, {});
    CHECK(has(doubts, "before_cluster", "date"));
    CHECK(reportDoubts(report("2019-06-01", 0, 0), f.cluster, f.items, {}).empty());
}

TEST_CASE("an older report says that it changes no current figure", "[domain][plausibility]")
{
    const std::vector<ProgressReport> onRecord{report("2026-11-30", 50, 0, 1)};
    CHECK(olderReportNotice(report("2026-11-01", 40, 0), onRecord, true).find("30/11/2026") !=
          std::string::npos);
    CHECK(olderReportNotice(report("2026-12-01", 60, 0), onRecord, false).empty());
}

TEST_CASE("leases above the cluster's land and a tax code another company holds are questioned",
          "[domain][plausibility]")
{
    const Fixture f;
    Tenant lease;
    lease.companyName = "Công ty TNHH Một";
    lease.taxCode = "0100109106";
    lease.leasedArea = 20000; // 2 ha in a 1.4 ha cluster: occupancy 193.6 % before
    auto doubts = tenantDoubts(lease, f.cluster, {}, {});
    CHECK(has(doubts, "lease_above_land", "leased_area_m2"));
    lease.leasedArea = 10000;
    Tenant other = lease;
    other.id = 7;
    other.leasedArea = 5000;
    CHECK(has(tenantDoubts(lease, f.cluster, {other}, {}), "lease_above_land", "leased_area_m2"));
    other.status = TenantStatus::Left; // a tenant that left holds no land
    CHECK(tenantDoubts(lease, f.cluster, {other}, {}).empty());
    Tenant holder = lease;
    holder.id = 9;
    holder.companyName = "Công ty CP Khác";
    CHECK(has(tenantDoubts(lease, f.cluster, {}, {holder}), "duplicate_tax_code", "tax_code"));
    holder.companyName = lease.companyName; // the same company in another cluster: fine
    CHECK(tenantDoubts(lease, f.cluster, {}, {holder}).empty());
}

TEST_CASE("a doubt goes through only confirmed with a reason, which is kept",
          "[domain][plausibility]")
{
    const std::vector<Doubt> doubts{{"disbursed_vnd", "disbursed_decrease", "vi", "en"}};
    auto errors = unconfirmedDoubts(doubts, confirmationOf("", ""));
    REQUIRE(errors.size() == 2);
    CHECK(errors[1].field == "confirm_reason");
    CHECK(unconfirmedDoubts(doubts, confirmationOf("on", "  ")).size() == 2);      // no reason
    CHECK(unconfirmedDoubts(doubts, confirmationOf("", "Sai số cũ")).size() == 2); // no box
    const auto confirmed = confirmationOf("1", " Sửa số sai của kỳ trước ");
    CHECK(unconfirmedDoubts(doubts, confirmed).empty());
    const auto stored = confirmedDoubtText(doubts, confirmed);
    CHECK(stored == "disbursed_decrease: Sửa số sai của kỳ trước");
    // Edited later with the same doubt: the stored confirmation still holds; a new one does not.
    CHECK(confirmedBefore(doubts, stored).confirmed);
    CHECK_FALSE(confirmedBefore({{"tax_code", "duplicate_tax_code", "", ""}}, stored).confirmed);
    CHECK(unconfirmedDoubts({}, confirmationOf("", "")).empty());
}
