// Progress reports through the form and the API, and what bad input gets.
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

TEST_CASE("a district official signs in, reports, and the public page shows it at once",
          "[office][db]")
{
    RunningServer running;
    auto official =
        createPerson(running, "quan@example.vn", Role::DistrictOfficial, {"Thạch Thất"});
    signIn(running.port(), official);
    const auto before = httpGet(running.port(), "/clusters/huu-bang");
    REQUIRE(before.status == 200);
    CHECK_FALSE(contains(before.body, "26/11/2026"));

    const auto form = getAs(running.port(), official, "/admin/clusters/huu-bang/report");
    REQUIRE(form.status == 200);
    CHECK(contains(form.body, "name=\"csrf\""));
    const auto items = huuBang(running).items;
    std::map<std::string, std::string> fields{{"date", "2026-11-26"},
                                              {"confirm", "1"},
                                              {"confirm_reason", "dữ liệu thử"},
                                              {"disbursed_vnd", "1234000000"},
                                              {"note", "Đã thảm nhựa"}};
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        fields["items[" + std::to_string(i) + "].work_item"] = std::to_string(items[i].id);
        fields["items[" + std::to_string(i) + "].percent"] = "77";
    }
    const auto posted =
        postForm(running.port(), official, "/admin/clusters/huu-bang/report", fields);
    REQUIRE(posted.status == 303);
    CHECK(posted.location.rfind("/clusters/huu-bang", 0) == 0);
    const auto after = httpGet(running.port(), "/clusters/huu-bang");
    CHECK(contains(after.body, "26/11/2026"));
    CHECK(contains(after.body, "Đã thảm nhựa"));
    const auto entries = auditOf(running, "progress_report");
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].actor == "quan@example.vn");
    CHECK(entries[0].address == "127.0.0.1");
    CHECK(contains(entries[0].changes, "\"disbursed_vnd\":{\"old\":\"\",\"new\":\"1234000000\"}"));
}

TEST_CASE("a developer reports on its own cluster through the API and is refused elsewhere",
          "[office][db]")
{
    RunningServer running;
    const auto developer =
        createPerson(running, "cdt@example.vn", Role::Developer, {}, {"huu-bang"});
    const auto item = huuBang(running).items.back().id;
    const std::string body =
        "{\"date\":\"2026-11-25\",\"items\":[{\"work_item\":" + std::to_string(item) +
        ",\"percent\":61}],\"confirm\":\"1\",\"confirm_reason\":\"dữ liệu "
        "thử\",\"disbursed_vnd\":900000000,\"note\":\"API\"}";
    const auto created =
        sendJson(running.port(), developer, "POST", "/api/v1/clusters/huu-bang/reports", body);
    REQUIRE(created.status == 201);
    const auto report = created.json()->getObject("report");
    CHECK(report->getValue<std::string>("date") == "2026-11-25");
    CHECK(report->getValue<long long>("disbursed_vnd") == 900000000);
    const auto cluster = httpGet(running.port(), "/api/v1/clusters/huu-bang").json();
    CHECK(cluster->getValue<std::string>("last_report_date") == "2026-11-25");

    const auto elsewhere =
        sendJson(running.port(), developer, "POST", "/api/v1/clusters/cau-bau-gd-2/reports",
                 "{\"date\":\"2026-11-25\",\"confirm\":\"1\",\"confirm_reason\":\"dữ liệu "
                 "thử\",\"disbursed_vnd\":1}");
    CHECK(elsewhere.status == 403);
    Person stranger;
    stranger.token = "not-a-token";
    CHECK(sendJson(running.port(), stranger, "POST", "/api/v1/clusters/huu-bang/reports", body)
              .status == 401);
}

TEST_CASE("bad report input gets 422 with a message per field and writes nothing", "[office][db]")
{
    RunningServer running;
    const auto official =
        createPerson(running, "quan@example.vn", Role::DistrictOfficial, {"Thạch Thất"});
    const auto item = huuBang(running).items.front().id;
    const auto result =
        sendJson(running.port(), official, "POST", "/api/v1/clusters/huu-bang/reports",
                 "{\"date\":\"2026-12-01\",\"items\":[{\"work_item\":" + std::to_string(item) +
                     ",\"percent\":101}],\"confirm\":\"1\",\"confirm_reason\":\"dữ liệu "
                     "thử\",\"disbursed_vnd\":\"1.5\"}");
    REQUIRE(result.status == 422);
    const auto fields = result.json()->getArray("fields");
    std::map<std::string, std::string> byField;
    for (std::size_t i = 0; i < fields->size(); ++i)
        byField[fields->getObject(static_cast<unsigned>(i))->getValue<std::string>("field")] =
            fields->getObject(static_cast<unsigned>(i))->getValue<std::string>("message_vi");
    CHECK(contains(byField["date"], "tương lai"));
    CHECK(contains(byField["items[0].percent"], "100"));
    CHECK(contains(byField["disbursed_vnd"], "số nguyên"));
    CHECK(auditOf(running, "progress_report").empty());
    CHECK(
        sendJson(running.port(), official, "POST", "/api/v1/clusters/huu-bang/reports", "not json")
            .status == 400);
}

TEST_CASE("amount fields show grouped figures and take them back, in either language",
          "[office][db]")
{
    RunningServer running;
    auto official =
        createPerson(running, "quan@example.vn", Role::DistrictOfficial, {"Thạch Thất"});
    signIn(running.port(), official);
    const auto items = huuBang(running).items;
    std::map<std::string, std::string> fields{{"date", "2026-11-26"},
                                              {"confirm", "1"},
                                              {"confirm_reason", "dữ liệu thử"},
                                              {"disbursed_vnd", "1.234.000.000"}};
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        fields["items[" + std::to_string(i) + "].work_item"] = std::to_string(items[i].id);
        fields["items[" + std::to_string(i) + "].percent"] = "77";
    }
    REQUIRE(postForm(running.port(), official, "/admin/clusters/huu-bang/report", fields).status ==
            303);
    const auto vi = getAs(running.port(), official, "/admin/clusters/huu-bang/report");
    CHECK(contains(vi.body, "value=\"1.234.000.000\""));
    const auto en = getAs(running.port(), official, "/admin/clusters/huu-bang/report?lang=en");
    CHECK(contains(en.body, "value=\"1,234,000,000\""));
    fields["date"] = "2026-11-27";
    fields["disbursed_vnd"] = "1,5";
    const auto refused =
        postForm(running.port(), official, "/admin/clusters/huu-bang/report", fields);
    CHECK(refused.status == 422);
    CHECK(contains(refused.body, "600.000.000"));
}
