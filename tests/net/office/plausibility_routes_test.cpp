// Issue 11, items 1 and 3: figures unlike the record are refused until confirmed with a
// reason, through the API and the import alike; the reason is kept and shown.
#include "net/operations/bulk_import.h"
#include "office/office_helpers.h"
#include "persistence/audit_repository.h"
#include "support/office_client.h"

#include <Poco/JSON/Array.h>
#include <algorithm>
#include <catch2/catch.hpp>

using namespace tracker;
using namespace tracker::testing;

namespace
{
std::string reportBody(std::int64_t item, const std::string& date, int percent, Vnd disbursed,
                       const std::string& extra = "")
{
    return "{\"date\":\"" + date + "\",\"items\":[{\"work_item\":" + std::to_string(item) +
           ",\"percent\":" + std::to_string(percent) +
           "}],\"disbursed_vnd\":" + std::to_string(disbursed) + extra + "}";
}

std::string fieldsOf(const HttpResult& answer)
{
    std::string fields;
    const auto list = answer.json()->getArray("fields");
    for (std::size_t i = 0; i < list->size(); ++i)
        fields += list->getObject(static_cast<unsigned>(i))->getValue<std::string>("field") + " ";
    return fields;
}
} // namespace

TEST_CASE("a lowered progress is refused until confirmed with a reason, then shown with it",
          "[office][db]")
{
    RunningServer running;
    const auto official = createPerson(running, "so@example.vn", Role::CityOfficial, {}, {});
    // The item furthest along, and the figures on record for the cluster.
    const auto items = huuBang(running).items;
    const auto item = *std::max_element(items.begin(), items.end(),
                                        [](const WorkItem& a, const WorkItem& b)
                                        { return a.percentDone < b.percentDone; });
    REQUIRE(item.percentDone >= 20);
    const auto before = httpGet(running.port(), "/api/v1/clusters/huu-bang").json();
    const Vnd disbursed = before->getValue<Vnd>("disbursed_vnd");
    const std::string path = "/api/v1/clusters/huu-bang/reports";
    // The next report in step with the record raises nothing.
    REQUIRE(sendJson(running.port(), official, "POST", path,
                     reportBody(item.id, "2026-11-26", item.percentDone, disbursed))
                .status == 201);
    // Filed late and in step with the reports around it: stored, saying that it changes no
    // current figure.
    const auto older = sendJson(running.port(), official, "POST", path,
                                reportBody(item.id, "2026-11-25", item.percentDone, disbursed));
    REQUIRE(older.status == 201);
    const auto notices = older.json()->getArray("notices");
    REQUIRE(notices);
    CHECK(notices->getObject(0)->getValue<std::string>("message").find("older than the latest") !=
          std::string::npos);
    // Lowered by 20 points the next day: questioned, nothing written.
    const int lowered = item.percentDone - 20;
    const auto refused = sendJson(running.port(), official, "POST", path,
                                  reportBody(item.id, "2026-11-27", lowered, disbursed));
    REQUIRE(refused.status == 422);
    CHECK(fieldsOf(refused) == "items[0].percent confirm_reason ");
    CHECK(refused.body.find("giảm từ " + std::to_string(item.percentDone) + " %") !=
          std::string::npos);
    CHECK(httpGet(running.port(), "/api/v1/clusters/huu-bang")
              .json()
              ->getValue<std::string>("last_report_date") == "2026-11-26");
    // Confirmed without a reason: still refused.
    CHECK(sendJson(running.port(), official, "POST", path,
                   reportBody(item.id, "2026-11-27", lowered, disbursed, ",\"confirm\":true"))
              .status == 422);
    const auto confirmed = sendJson(
        running.port(), official, "POST", path,
        reportBody(item.id, "2026-11-27", lowered, disbursed,
                   ",\"confirm\":true,\"confirm_reason\":\"Kỳ trước nhập nhầm, số này đúng\""));
    REQUIRE(confirmed.status == 201);
    CHECK(confirmed.json()->getObject("report")->getValue<std::string>("confirmed_doubts") ==
          "progress_decrease: Kỳ trước nhập nhầm, số này đúng");
    // The audit entry says what was confirmed, and why.
    persistence::AuditFilter filter;
    filter.entity = "progress_report";
    const auto entries = persistence::listAudit(running.storage.database(), filter);
    REQUIRE(!entries.empty());
    CHECK(entries.front().changes.find("progress_decrease: Kỳ trước nhập nhầm") !=
          std::string::npos);
    const auto page = httpGet(running.port(), "/clusters/huu-bang").body;
    CHECK(page.find("Kỳ trước nhập nhầm, số này đúng") != std::string::npos);
    CHECK(page.find("tiến độ giảm") != std::string::npos);
    // Filed late for an earlier date, above the later report: contradicts it, refused.
    const auto late = sendJson(running.port(), official, "POST", path,
                               reportBody(item.id, "2026-11-24", item.percentDone, disbursed));
    REQUIRE(late.status == 422);
    CHECK(late.body.find("contradicts") == std::string::npos); // the code is not the message
    CHECK(late.body.find("A later report, of 2026-11-27") != std::string::npos);
}

TEST_CASE("the import asks the same: a tax code another company holds, a row at a time",
          "[office][db]")
{
    RunningServer running;
    const std::string header =
        "cluster_code,company_name,tax_code,leased_area_m2,registered_capital_vnd,status";
    net::ImportRequest request;
    request.kind = net::ImportKind::Tenants;
    request.dryRun = true;
    request.audit = {"importer@example.vn", "127.0.0.1", "2026-11-27T09:00:00+07:00"};
    request.today = Date{2026, 11, 27};
    request.csv = header + "\nhuu-bang,Công ty TNHH Một,0142424244,100,1000000,registered\n"
                           "cau-bau-gd-2,Công ty TNHH Hai,0142424244,100,1000000,registered\n";
    auto outcome = net::importCsv(running.storage.database(), request);
    REQUIRE(outcome.errors.size() == 2);
    CHECK(outcome.errors[0].row == 3);
    CHECK(outcome.errors[0].column == "tax_code");
    CHECK(outcome.errors[1].column == "confirm_reason");
    request.csv = header + ",confirm,confirm_reason\n"
                           "huu-bang,Công ty TNHH Một,0142424244,100,1000000,registered,,\n"
                           "cau-bau-gd-2,Công ty TNHH Hai,0142424244,100,1000000,registered,1,"
                           "Hai pháp nhân dùng chung mã\n";
    outcome = net::importCsv(running.storage.database(), request);
    CHECK(outcome.errors.empty());
}
