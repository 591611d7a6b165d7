// Officials acknowledge delay flags; the overview of flags they answer for.
#include "net/operations/edit_operations.h"
#include "office/office_helpers.h"
#include "persistence/audit_repository.h"
#include "persistence/baseline_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/registry_repository.h"
#include "support/office_client.h"

#include <catch2/catch.hpp>

using namespace tracker;
using namespace tracker::testing;

TEST_CASE("an official acknowledges a delay flag in the back office and the API, the public "
          "pages show it",
          "[office][db]")
{
    RunningServer running;
    auto official =
        createPerson(running, "quan@example.vn", Role::DistrictOfficial, {"Thạch Thất"});
    auto developer = createPerson(running, "cdt@example.vn", Role::Developer, {}, {"huu-bang"});
    signIn(running.port(), official);
    signIn(running.port(), developer);
    const auto cluster = huuBang(running).cluster;
    persistence::DelayFlagRepository flags(running.storage.database());
    DelayFinding stale;
    stale.rule = DelayRuleKind::StaleReporting;
    stale.measure = "no report for 60 days";
    std::int64_t elsewhere = 0; // a cluster outside the official's district
    for (const auto& s :
         persistence::ClusterRepository(running.storage.database()).listSummaries(Date{}))
        if (s.cluster.district != "Thạch Thất")
            elsewhere = s.cluster.id;
    REQUIRE(elsewhere != 0);
    flags.applyScan({{cluster.id, {stale}}, {elsewhere, {stale}}}, Date{2026, 11, 20});
    running.server->invalidateCache();
    const auto flagId = flags.flagsOfCluster(cluster.id).at(0).id;
    const std::string page = "/admin/delays/" + std::to_string(flagId);
    const std::string otherPage =
        "/admin/delays/" + std::to_string(flags.flagsOfCluster(elsewhere).at(0).id);

    // The overview lists what the official answers for, and only that.
    const auto overview = getAs(running.port(), official, "/admin/delays");
    REQUIRE(overview.status == 200);
    CHECK(contains(overview.body, "href=\"" + page + "\""));
    CHECK_FALSE(contains(overview.body, "href=\"" + otherPage + "\""));
    CHECK(contains(overview.body, "Số cảnh báo đang mở: 1."));
    CHECK(getAs(running.port(), developer, "/admin/delays").status == 403);
    CHECK(getAs(running.port(), official, otherPage).status == 403);
    CHECK(contains(getAs(running.port(), official, "/admin").body, "href=\"/admin/delays\""));
    CHECK_FALSE(
        contains(getAs(running.port(), developer, "/admin").body, "href=\"/admin/delays\""));

    CHECK(contains(getAs(running.port(), official, "/admin").body,
                   "/admin/clusters/huu-bang/delays"));
    const auto list = getAs(running.port(), official, "/admin/clusters/huu-bang/delays");
    REQUIRE(list.status == 200);
    CHECK(contains(list.body, "href=\"" + page + "\""));
    CHECK(getAs(running.port(), developer, page).status == 403); // not the developer's to answer

    const auto form = getAs(running.port(), official, page);
    REQUIRE(form.status == 200);
    const std::string version = hiddenValue(form.body, "version");
    CHECK(version == "1");

    // No comment: refused with a message, nothing recorded.
    const auto empty =
        postForm(running.port(), official, page, {{"comment", "  "}, {"version", version}});
    CHECK(empty.status == 422);
    CHECK_FALSE(flags.findFlag(flagId)->acknowledgedOn.has_value());
    CHECK(auditOf(running, "delay_flag").empty());

    const std::string comment = "Đã họp với chủ đầu tư <ngày 25/11>, cam kết báo cáo tuần này";
    const auto saved =
        postForm(running.port(), official, page, {{"comment", comment}, {"version", version}});
    CHECK(saved.status == 303);
    CHECK(saved.location == "/admin/clusters/huu-bang/delays");
    const auto flag = *flags.findFlag(flagId);
    CHECK(flag.acknowledgedBy == "quan");
    CHECK(flag.acknowledgedOn == Date{2026, 11, 27});
    CHECK(flag.acknowledgement == comment);
    const auto audit = auditOf(running, "delay_flag");
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].actor == "quan@example.vn");
    CHECK(audit[0].clusterId == cluster.id);
    for (const std::string path : {"/clusters/huu-bang", "/delays"})
    {
        const auto body = httpGet(running.port(), path).body;
        INFO(path);
        CHECK(contains(body, "Đã họp với chủ đầu tư &lt;ngày 25/11&gt;"));
        CHECK_FALSE(contains(body, "quan@example.vn")); // a name, never an email
    }

    // The API: the same rules, and the flag as the delays API shows it.
    const auto answered = sendJson(running.port(), official, "POST",
                                   "/api/v1/delays/" + std::to_string(flagId) + "/acknowledge",
                                   "{\"comment\":\"Nhà thầu đã tăng ca\"}");
    REQUIRE(answered.status == 200);
    CHECK(answered.json()
              ->getObject("delay")
              ->getObject("acknowledged")
              ->getValue<std::string>("comment") == "Nhà thầu đã tăng ca");
    CHECK(contains(auditOf(running, "delay_flag").at(0).changes, "Nhà thầu đã tăng ca"));
    CHECK(sendJson(running.port(), developer, "POST",
                   "/api/v1/delays/" + std::to_string(flagId) + "/acknowledge",
                   "{\"comment\":\"x\"}")
              .status == 403);
    CHECK(sendJson(running.port(), official, "POST", "/api/v1/delays/999999/acknowledge",
                   "{\"comment\":\"x\"}")
              .status == 404);

    // Two officials at once: the form drawn up before the other's save is refused with what
    // they wrote, and comes back on the newer version so that saving again is deliberate.
    auto city = createPerson(running, "thanhpho@example.vn", Role::CityOfficial);
    signIn(running.port(), city);
    const auto mine = getAs(running.port(), official, page);
    REQUIRE(sendJson(running.port(), city, "POST",
                     "/api/v1/delays/" + std::to_string(flagId) + "/acknowledge",
                     "{\"comment\":\"Thành phố đã chỉ đạo\",\"version\":" +
                         hiddenValue(mine.body, "version") + "}")
                .status == 200);
    const auto overwritten =
        postForm(running.port(), official, page,
                 {{"comment", "Ý kiến của quận"}, {"version", hiddenValue(mine.body, "version")}});
    CHECK(overwritten.status == 409);
    CHECK(contains(overwritten.body, "Thành phố đã chỉ đạo"));
    CHECK(contains(overwritten.body, "Ý kiến của quận"));
    CHECK(contains(overwritten.body, "name=\"keep.comment\" value=\"theirs\""));
    // Keeping the other official's comment writes nothing over it.
    CHECK(postForm(running.port(), official, page,
                   {{"comment", "Ý kiến của quận"},
                    {"keep.comment", "theirs"},
                    {"version", hiddenValue(overwritten.body, "version")}})
              .status == 303);
    CHECK(flags.findFlag(flagId)->acknowledgement == "Thành phố đã chỉ đạo");
    CHECK(flags.findFlag(flagId)->acknowledgement == "Thành phố đã chỉ đạo");
    const auto staleApi = sendJson(running.port(), official, "POST",
                                   "/api/v1/delays/" + std::to_string(flagId) + "/acknowledge",
                                   "{\"comment\":\"x\",\"version\":1}");
    CHECK(staleApi.status == 409);
    CHECK(postForm(running.port(), official, page,
                   {{"comment", "Ý kiến của quận"},
                    {"version", hiddenValue(overwritten.body, "version")}})
              .status == 303);
    CHECK(flags.findFlag(flagId)->acknowledgement == "Ý kiến của quận");

    // A resolved flag has nothing left to acknowledge.
    flags.applyScan({}, Date{2026, 11, 26});
    const auto late = postForm(
        running.port(), official, page,
        {{"comment", "Muộn"}, {"version", std::to_string(flags.findFlag(flagId)->version)}});
    CHECK(late.status == 422);
    CHECK(contains(late.body, "Cảnh báo này đã hết"));
    CHECK(contains(getAs(running.port(), official, page).body, "Cảnh báo này đã hết"));
    CHECK(flags.findFlag(flagId)->acknowledgement == "Ý kiến của quận");
}

TEST_CASE("the delay overview lists the 300 most urgent flags and says how many more there are",
          "[office][db]")
{
    RunningServer running;
    auto city = createPerson(running, "thanhpho@example.vn", Role::CityOfficial);
    signIn(running.port(), city);
    std::vector<DelayFinding> findings;
    for (int i = 0; i < 302; ++i)
    {
        DelayFinding overdue;
        overdue.rule = DelayRuleKind::OverdueWorkItem;
        overdue.subject = "item:" + std::to_string(i) + ":other";
        overdue.measure = "late";
        findings.push_back(overdue);
    }
    persistence::DelayFlagRepository(running.storage.database())
        .applyScan({{huuBang(running).cluster.id, findings}}, Date{2026, 11, 20});
    const auto overview = getAs(running.port(), city, "/admin/delays");
    REQUIRE(overview.status == 200);
    CHECK(contains(overview.body, "Số cảnh báo đang mở: 302."));
    CHECK(contains(overview.body, "Còn 2 cảnh báo ít khẩn cấp hơn"));
    std::size_t rows = 0;
    for (auto at = overview.body.find("href=\"/admin/delays/"); at != std::string::npos;
         at = overview.body.find("href=\"/admin/delays/", at + 1))
        ++rows;
    CHECK(rows == 300);
}
