// Lost updates refused (409 with what changed) and re-baselining.
#include "net/operations/edit_operations.h"
#include "office/office_helpers.h"
#include "persistence/account_repository.h"
#include "persistence/audit_repository.h"
#include "persistence/baseline_repository.h"
#include "persistence/cluster_repository.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/registry_repository.h"
#include "persistence/tenant_repository.h"
#include "support/office_client.h"

#include <catch2/catch.hpp>

using namespace tracker;
using namespace tracker::testing;

namespace
{
std::string latestChanges(RunningServer& running, const std::string& entity)
{
    const auto entries = auditOf(running, entity);
    return entries.empty() ? std::string() : entries.front().changes;
}
} // namespace

TEST_CASE("an edit begun before someone else's save writes only what it changed", "[office][db]")
{
    // The reported defect: A set the investment; B, on an older copy, changed only the
    // developer; B's save used to blank the investment.
    RunningServer running;
    auto a = createPerson(running, "a@example.vn", Role::CityOfficial);
    auto b = createPerson(running, "b@example.vn", Role::CityOfficial);
    signIn(running.port(), b);
    const auto start = huuBang(running).cluster;
    REQUIRE(sendJson(running.port(), a, "PATCH", "/api/v1/clusters/huu-bang",
                     "{\"version\":" + std::to_string(start.version) +
                         ",\"planned_investment_vnd\":70000000000}")
                .status == 200);
    auto fields = registryFields(start); // B's form, opened before A's save
    fields["developer"] = "Công ty B";
    REQUIRE(postForm(running.port(), b, "/admin/clusters/huu-bang/registry", fields).status == 303);
    const auto merged = huuBang(running).cluster;
    CHECK(merged.developer == "Công ty B");
    CHECK(merged.plannedInvestment == 70'000'000'000);
    CHECK(merged.version == start.version + 2);
    const auto audit = latestChanges(running, "cluster");
    CHECK(contains(audit, "developer"));
    CHECK_FALSE(contains(audit, "planned_investment_vnd")); // B's save did not touch it

    // The API's PATCH names what it changes: an untouched field is never a conflict.
    REQUIRE(sendJson(running.port(), a, "PATCH", "/api/v1/clusters/huu-bang",
                     "{\"version\":" + std::to_string(start.version) +
                         ",\"decision_number\":\"123/QĐ-UBND\"}")
                .status == 200);
    CHECK(huuBang(running).cluster.developer == "Công ty B");
    CHECK(huuBang(running).cluster.decisionNumber == "123/QĐ-UBND");
}

TEST_CASE("a field two people changed is put to the second, who chooses field by field",
          "[office][db]")
{
    RunningServer running;
    auto a = createPerson(running, "a@example.vn", Role::CityOfficial);
    auto b = createPerson(running, "b@example.vn", Role::CityOfficial);
    signIn(running.port(), b);
    const auto start = huuBang(running).cluster;
    const std::string v = std::to_string(start.version);
    REQUIRE(sendJson(running.port(), a, "PATCH", "/api/v1/clusters/huu-bang",
                     "{\"version\":" + v +
                         ",\"developer\":\"Công ty A\",\"planned_investment_vnd\":70000000000}")
                .status == 200);

    // The API: 409 naming the clash only; nothing written.
    const auto api = sendJson(running.port(), b, "PATCH", "/api/v1/clusters/huu-bang",
                              "{\"version\":" + v + ",\"developer\":\"Công ty B\"}");
    REQUIRE(api.status == 409);
    const auto changed = api.json()->getArray("changed");
    REQUIRE(changed->size() == 1);
    CHECK(changed->getObject(0)->getValue<std::string>("field") == "developer");
    CHECK(changed->getObject(0)->getValue<std::string>("current") == "Công ty A");
    CHECK(changed->getObject(0)->getValue<std::string>("yours") == "Công ty B");
    CHECK(api.json()->getObject("current")->getValue<std::string>("developer") == "Công ty A");
    CHECK(huuBang(running).cluster.developer == "Công ty A");

    // The form: the same clash, with a choice under the field; the investment B did not
    // touch shows A's value (grouped as Vietnamese write it), not B's blank.
    auto fields = registryFields(start);
    fields["developer"] = "Công ty B";
    fields["source_notes"] = "Ghi chú của B";
    const auto page = postForm(running.port(), b, "/admin/clusters/huu-bang/registry", fields);
    REQUIRE(page.status == 409);
    CHECK(contains(page.body, "name=\"keep.developer\" value=\"theirs\""));
    CHECK(contains(page.body, "Giữ giá trị đang lưu: Công ty A"));
    CHECK(contains(page.body, "Dùng giá trị của bạn: Công ty B"));
    CHECK_FALSE(contains(page.body, "name=\"keep.source_notes\""));

    // A choice shows its values as the field does: a status by its name, not its code.
    auto statusFields = registryFields(start);
    statusFields["status"] = "preparation";
    REQUIRE(
        sendJson(running.port(), a, "PATCH", "/api/v1/clusters/huu-bang",
                 "{\"version\":" + std::to_string(start.version + 1) + ",\"status\":\"cancelled\"}")
            .status == 200);
    const auto statusPage =
        postForm(running.port(), b, "/admin/clusters/huu-bang/registry", statusFields);
    REQUIRE(statusPage.status == 409);
    CHECK(contains(statusPage.body, "Giữ giá trị đang lưu: Đã hủy"));
    CHECK(contains(statusPage.body, "Dùng giá trị của bạn: Chuẩn bị đầu tư"));
    CHECK(contains(page.body, "value=\"70.000.000.000\""));
    CHECK(hiddenValue(page.body, "version") == std::to_string(start.version + 1));
    CHECK(huuBang(running).cluster.sourceNotes != "Ghi chú của B"); // nothing written yet

    // B keeps A's developer: B's own note is saved, A's developer and investment stay.
    fields["version"] = hiddenValue(page.body, "version");
    fields["planned_investment_vnd"] = "70.000.000.000";
    fields["keep.developer"] = "theirs";
    REQUIRE(postForm(running.port(), b, "/admin/clusters/huu-bang/registry", fields).status == 303);
    auto now = huuBang(running).cluster;
    CHECK(now.developer == "Công ty A");
    CHECK(now.sourceNotes == "Ghi chú của B");
    CHECK(now.plannedInvestment == 70'000'000'000);

    // Another clash; this time B chooses its own value.
    REQUIRE(
        sendJson(running.port(), a, "PATCH", "/api/v1/clusters/huu-bang",
                 "{\"version\":" + std::to_string(now.version) + ",\"developer\":\"Công ty A2\"}")
            .status == 200);
    fields["version"] = std::to_string(now.version);
    fields["developer"] = "Công ty B2";
    fields.erase("keep.developer");
    const auto again = postForm(running.port(), b, "/admin/clusters/huu-bang/registry", fields);
    REQUIRE(again.status == 409);
    fields["version"] = hiddenValue(again.body, "version");
    fields["keep.developer"] = "yours";
    REQUIRE(postForm(running.port(), b, "/admin/clusters/huu-bang/registry", fields).status == 303);
    CHECK(huuBang(running).cluster.developer == "Công ty B2");
}

TEST_CASE("tenants and accounts merge the same way", "[office][db]")
{
    RunningServer running;
    auto admin = createPerson(running, "admin@example.vn", Role::Admin);
    signIn(running.port(), admin);
    const auto created =
        sendJson(running.port(), admin, "POST", "/api/v1/clusters/huu-bang/tenants",
                 "{\"company_name\":\"Công ty Đông Á\",\"tax_code\":\"0100109106\","
                 "\"leased_area_m2\":100,\"registered_capital_vnd\":5,"
                 "\"status\":\"registered\"}");
    REQUIRE(created.status == 201);
    const auto id = std::to_string(created.json()->getObject("tenant")->getValue<long long>("id"));
    const auto patch = [&](const std::string& body)
    { return sendJson(running.port(), admin, "PATCH", "/api/v1/tenants/" + id, body); };
    REQUIRE(patch("{\"version\":1,\"jobs\":40}").status == 200);
    const auto merged = patch("{\"version\":1,\"sector\":\"Cơ khí\"}");
    REQUIRE(merged.status == 200);
    CHECK(merged.json()->getObject("tenant")->getValue<int>("jobs") == 40);
    CHECK(merged.json()->getObject("tenant")->getValue<std::string>("sector") == "Cơ khí");
    const auto clash = patch("{\"version\":1,\"jobs\":55}");
    REQUIRE(clash.status == 409);
    CHECK(clash.json()->getArray("changed")->getObject(0)->getValue<std::string>("field") ==
          "jobs");
    // The tenant form, opened at version 1, changes the status only.
    const auto form = getAs(running.port(), admin, "/admin/tenants/" + id);
    REQUIRE(form.status == 200);
    REQUIRE(postForm(running.port(), admin, "/admin/tenants/" + id,
                     {{"version", "1"},
                      {"company_name", "Công ty Đông Á"},
                      {"tax_code", "0100109106"},
                      {"sector", ""},
                      {"leased_area_m2", "100"},
                      {"registered_capital_vnd", "5"},
                      {"jobs", "0"},
                      {"status", "building"}})
                .status == 303);
    const auto stored =
        persistence::TenantRepository(running.storage.database()).findTenant(std::stoll(id));
    REQUIRE(stored);
    CHECK(stored->sector == "Cơ khí");
    CHECK(stored->jobs == 40);
    CHECK(stored->status == TenantStatus::Building);
    const auto entries = auditOf(running, "tenant");
    REQUIRE_FALSE(entries.empty());
    CHECK(contains(entries.front().changes, "status"));
    CHECK_FALSE(contains(entries.front().changes, "jobs"));
    CHECK_FALSE(contains(entries.front().changes, "sector"));

    // Accounts: another admin changed the role; this form, opened before, changes the name.
    auto person = createPerson(running, "xa@example.vn", Role::Viewer);
    persistence::AccountRepository accounts(running.storage.database());
    const auto account = accounts.findAnyById(person.account.id);
    REQUIRE(account);
    auto promoted = account->account;
    promoted.role = Role::CityOfficial;
    REQUIRE(accounts.updateAccount(promoted, account->version, {"other@example.vn", "", ""}));
    const std::string page = "/admin/users/" + std::to_string(person.account.id);
    std::map<std::string, std::string> fields{{"version", std::to_string(account->version)},
                                              {"name", "Nguyễn Thị Xã"},
                                              {"role", "viewer"},
                                              {"districts", ""},
                                              {"clusters", ""}};
    REQUIRE(postForm(running.port(), admin, page, fields).status == 303);
    auto now = accounts.findAnyById(person.account.id);
    CHECK(now->account.name == "Nguyễn Thị Xã");
    CHECK(now->account.role == Role::CityOfficial);
    // Both change the name: the form asks; keeping theirs leaves it.
    fields["name"] = "Tên khác";
    const auto asked = postForm(running.port(), admin, page, fields);
    REQUIRE(asked.status == 409);
    CHECK(contains(asked.body, "name=\"keep.name\""));
    fields["version"] = hiddenValue(asked.body, "version");
    fields["role"] = "city_official";
    fields["keep.name"] = "theirs";
    REQUIRE(postForm(running.port(), admin, page, fields).status == 303);
    now = accounts.findAnyById(person.account.id);
    CHECK(now->account.name == "Nguyễn Thị Xã");
    CHECK(now->account.role == Role::CityOfficial);
}

TEST_CASE("re-baselining over a newer baseline merges item by item, and asks on a clash",
          "[office][db]")
{
    RunningServer running;
    auto city = createPerson(running, "city@example.vn", Role::CityOfficial);
    signIn(running.port(), city);
    const auto items = huuBang(running).items;
    REQUIRE(items.size() >= 2);
    const auto plan = [&](const std::string& firstFinish, const std::string& basedOn)
    {
        const auto& item = items.front();
        return "{\"reason\":\"Điều chỉnh\",\"based_on\":" + basedOn +
               ",\"items\":[{\"work_item\":" + std::to_string(item.id) + ",\"planned_start\":\"" +
               item.plannedStart.iso() + "\",\"planned_finish\":\"" + firstFinish +
               "\",\"budget_vnd\":" + std::to_string(item.budget) + "}]}";
    };
    // The form is opened (based on no re-baselining yet); meanwhile the API moves item 0.
    const auto form = getAs(running.port(), city, "/admin/clusters/huu-bang/baseline");
    CHECK(hiddenValue(form.body, "based_on") == "0");
    REQUIRE(sendJson(running.port(), city, "POST", "/api/v1/clusters/huu-bang/baselines",
                     plan("2027-03-31", "0"))
                .status == 201);
    // The form changes item 1's budget only: merged with the other plan, saved as baseline 3.
    std::map<std::string, std::string> fields{
        {"based_on", "0"}, {"reason", "Tăng dự toán"}, {"items[1].budget_vnd", "123456789"}};
    REQUIRE(postForm(running.port(), city, "/admin/clusters/huu-bang/baseline", fields).status ==
            303);
    const auto after = huuBang(running).items;
    CHECK(after[0].plannedFinish == Date{2027, 3, 31});
    CHECK(after[1].budget == 123'456'789);
    persistence::BaselineRepository baselines(running.storage.database());
    CHECK(baselines.latestBaseline(huuBang(running).cluster.id) == 3);

    // Both moved item 0's finish: 409 naming it, nothing written; the form offers the choice.
    const auto stale = sendJson(running.port(), city, "POST", "/api/v1/clusters/huu-bang/baselines",
                                plan("2027-09-30", "0"));
    REQUIRE(stale.status == 409);
    CHECK(stale.json()->getObject("current")->getValue<int>("baseline") == 3);
    CHECK(stale.json()->getArray("changed")->getObject(0)->getValue<std::string>("field") ==
          "items[0].planned_finish");
    CHECK(huuBang(running).items.front().plannedFinish == Date{2027, 3, 31});
    fields = {{"based_on", "2"},
              {"reason", "Theo quyết định mới"},
              {"items[0].planned_finish", "2027-12-31"}};
    // Based on 2, when 3 changed item 1 only: no clash on item 0.
    REQUIRE(postForm(running.port(), city, "/admin/clusters/huu-bang/baseline", fields).status ==
            303);
    CHECK(huuBang(running).items.front().plannedFinish == Date{2027, 12, 31});
    CHECK(huuBang(running).items[1].budget == 123'456'789);
    fields["items[0].planned_finish"] = "2028-06-30"; // still based on 2: now a clash
    const auto conflict =
        postForm(running.port(), city, "/admin/clusters/huu-bang/baseline", fields);
    REQUIRE(conflict.status == 409);
    CHECK(hiddenValue(conflict.body, "based_on") == "4");
    CHECK(contains(conflict.body, "name=\"keep.items[0].planned_finish\""));
    fields["based_on"] = "4";
    fields["keep.items[0].planned_finish"] = "yours";
    REQUIRE(postForm(running.port(), city, "/admin/clusters/huu-bang/baseline", fields).status ==
            303);
    CHECK(huuBang(running).items.front().plannedFinish == Date{2028, 6, 30});
    CHECK(baselines.latestBaseline(huuBang(running).cluster.id) == 5);
}

TEST_CASE("re-baselining adds a work item, by form and by API, audited and public", "[office][db]")
{
    RunningServer running;
    auto city = createPerson(running, "thanhpho@example.vn", Role::CityOfficial);
    signIn(running.port(), city);
    const auto before = huuBang(running).items;
    const std::string next = "items[" + std::to_string(before.size()) + "].";
    const auto form = getAs(running.port(), city, "/admin/clusters/huu-bang/baseline");
    REQUIRE(form.status == 200);
    CHECK(contains(form.body, "name=\"" + next + "kind\""));
    CHECK(contains(form.body, "Hạng mục mới (nếu có)"));
    std::map<std::string, std::string> fields{{"based_on", hiddenValue(form.body, "based_on")},
                                              {"reason", "Bổ sung trạm biến áp"},
                                              {next + "kind", "power"},
                                              {next + "planned_start", "2027-01-01"},
                                              {next + "planned_finish", "2026-12-31"},
                                              {next + "budget_vnd", "7000000000"}};

    // A finish before the start: the form comes back with the message; nothing is written.
    const auto refused =
        postForm(running.port(), city, "/admin/clusters/huu-bang/baseline", fields);
    CHECK(refused.status == 422);
    CHECK(contains(refused.body, "Ngày kết thúc trước ngày bắt đầu."));
    CHECK(contains(refused.body, "value=\"7000000000\""));
    CHECK(huuBang(running).items.size() == before.size());
    CHECK(auditOf(running, "work_item").empty());

    fields[next + "planned_finish"] = "2029-12-31";
    REQUIRE(postForm(running.port(), city, "/admin/clusters/huu-bang/baseline", fields).status ==
            303);
    const auto after = huuBang(running);
    REQUIRE(after.items.size() == before.size() + 1);
    const auto& added = after.items.back();
    CHECK(added.kind == WorkKind::Power);
    CHECK(added.budget == 7'000'000'000);
    CHECK(added.percentDone == 0);
    CHECK(added.plannedFinish == Date{2029, 12, 31});
    const auto created = auditOf(running, "work_item");
    REQUIRE(created.size() == 1);
    CHECK(created[0].action == "create");
    CHECK(created[0].entityId == added.id);
    CHECK(contains(created[0].changes, "\"budget_vnd\":{\"old\":\"\",\"new\":\"7000000000\"}"));
    const auto baselines =
        persistence::BaselineRepository(running.storage.database()).baselines(after.cluster.id);
    REQUIRE(baselines.size() == 2);
    CHECK(baselines[0].items.size() == before.size()); // the original plan is untouched
    REQUIRE(baselines[1].items.size() == before.size() + 1);
    CHECK(baselines[1].items.back().id == added.id);
    CHECK(contains(httpGet(running.port(), "/clusters/huu-bang").body, "31/12/2029"));

    // The same through the API; a kind that does not exist is a field error.
    const std::string item = "{\"planned_start\":\"2027-02-01\",\"planned_finish\":"
                             "\"2028-02-01\",\"budget_vnd\":5,\"kind\":";
    const auto bad = sendJson(running.port(), city, "POST", "/api/v1/clusters/huu-bang/baselines",
                              "{\"reason\":\"x\",\"items\":[" + item + "\"rocket\"}]}");
    CHECK(bad.status == 422);
    CHECK(contains(bad.body, "items[0].kind"));
    const auto good = sendJson(running.port(), city, "POST", "/api/v1/clusters/huu-bang/baselines",
                               "{\"reason\":\"Thêm\",\"items\":[" + item + "\"drainage\"}]}");
    CHECK(good.status == 201);
    CHECK(huuBang(running).items.size() == before.size() + 2);
    CHECK(huuBang(running).items.back().kind == WorkKind::Drainage);
}

TEST_CASE("after a re-baselining the page draws the original plan and the figures say which "
          "plan they use",
          "[office][db][baseline]")
{
    RunningServer running;
    auto city = createPerson(running, "city@example.vn", Role::CityOfficial);
    const auto before = httpGet(running.port(), "/api/v1/clusters/huu-bang").json();
    const auto basisBefore = before->getObject("plan_basis");
    CHECK(basisBefore->getValue<int>("baseline") == 1);
    CHECK_FALSE(basisBefore->getValue<bool>("rebaselined"));
    CHECK(basisBefore->isNull("original_plan"));
    const auto page = httpGet(running.port(), "/clusters/huu-bang").body;
    CHECK(contains(page, "tính theo kế hoạch gốc"));
    CHECK(contains(page, "(ngày 27/11/2026)")); // the figures say as of when
    CHECK_FALSE(contains(page, "original-line"));

    // Every item moved two years later: the planned % drops against the new plan.
    std::string items;
    for (const auto& item : huuBang(running).items)
        items += std::string(items.empty() ? "" : ",") +
                 "{\"work_item\":" + std::to_string(item.id) + ",\"planned_start\":\"" +
                 item.plannedStart.plusDays(730).iso() + "\",\"planned_finish\":\"" +
                 item.plannedFinish.plusDays(730).iso() +
                 "\",\"budget_vnd\":" + std::to_string(item.budget) + "}";
    REQUIRE(sendJson(running.port(), city, "POST", "/api/v1/clusters/huu-bang/baselines",
                     "{\"reason\":\"Chậm giải phóng mặt bằng\",\"items\":[" + items + "]}")
                .status == 201);
    const auto after = httpGet(running.port(), "/api/v1/clusters/huu-bang").json();
    const auto basis = after->getObject("plan_basis");
    CHECK(basis->getValue<int>("baseline") == 2);
    CHECK(basis->getValue<bool>("rebaselined"));
    CHECK(basis->getValue<std::string>("reason") == "Chậm giải phóng mặt bằng");
    const auto original = basis->getObject("original_plan");
    REQUIRE(original);
    // The original plan's figures are the ones shown before the yardstick moved.
    CHECK(original->getValue<double>("planned_progress_percent") ==
          before->getValue<double>("planned_progress_percent"));
    CHECK(after->getValue<double>("planned_progress_percent") <
          before->getValue<double>("planned_progress_percent"));
    if (!basisBefore->isNull("spi"))
        CHECK(original->getValue<double>("spi") == basisBefore->getValue<double>("spi"));

    const auto redrawn = httpGet(running.port(), "/clusters/huu-bang").body;
    CHECK(contains(redrawn, "class=\"original-line\""));
    CHECK(contains(redrawn, "Kế hoạch gốc (số 1)"));
    CHECK(contains(redrawn, "Kế hoạch hiện hành (số 2)"));
    CHECK(contains(redrawn, "tính theo kế hoạch số 2 (điều chỉnh ngày"));
    CHECK(contains(redrawn, "Theo kế hoạch gốc (số 1): kế hoạch"));
    CHECK(contains(redrawn, "Lý do điều chỉnh: Chậm giải phóng mặt bằng"));
    const auto english = httpGet(running.port(), "/clusters/huu-bang?lang=en").body;
    CHECK(contains(english, "Against the original plan (baseline 1): planned"));
    CHECK(contains(english, "Original plan (baseline 1)"));
}

TEST_CASE("confirming a cluster's unit after someone edited its registry is no conflict",
          "[office][db]")
{
    RunningServer running;
    auto city = createPerson(running, "city@example.vn", Role::CityOfficial);
    signIn(running.port(), city);
    const auto start = huuBang(running).cluster;
    const std::string v = std::to_string(start.version);
    REQUIRE(sendJson(running.port(), city, "PATCH", "/api/v1/clusters/huu-bang",
                     "{\"version\":" + v + ",\"developer\":\"Công ty A\"}")
                .status == 200);
    // The units form was opened before that edit: it changed no unit, so this goes through.
    REQUIRE(postForm(running.port(), city, "/admin/clusters/huu-bang/units",
                     {{"version", v}, {"unit_1", "10003"}, {"evidence", "QĐ 2803/QĐ-UBND"}})
                .status == 303);
    auto now = huuBang(running).cluster;
    CHECK(now.developer == "Công ty A");
    CHECK(now.unitBasis == UnitBasis::Confirmed);
    // A second form from that same old version now meets a change of the units: 409.
    CHECK(postForm(running.port(), city, "/admin/clusters/huu-bang/units",
                   {{"version", v}, {"unit_1", "09910"}, {"evidence", "QĐ 9/QĐ-UBND"}})
              .status == 409);
    CHECK(huuBang(running).cluster.units.front().code == "10003");
}
