// Since 1/7/2025 the commune People's Committee answers for its clusters: a commune official
// sees and reports for its unit's clusters only; an old district official is moved to the
// units that replaced its district and keeps every cluster it had.
#include "net/views/admin_units_file.h"
#include "office/office_helpers.h"
#include "persistence/account_repository.h"
#include "persistence/account_upgrade.h"
#include "persistence/cluster_repository.h"
#include "support/office_client.h"

#include <catch2/catch.hpp>
#include <set>

using namespace tracker;
using namespace tracker::testing;

namespace
{
std::string reportBody(RunningServer& running, const std::string& code)
{
    const auto found =
        persistence::RegistryRepository(running.storage.database()).findCluster(code);
    REQUIRE(found);
    REQUIRE_FALSE(found->items.empty());
    return "{\"date\":\"2026-11-26\",\"items\":[{\"work_item\":" +
           std::to_string(found->items.front().id) +
           ",\"percent\":90}],\"confirm\":\"1\",\"confirm_reason\":\"dữ liệu "
           "thử\",\"disbursed_vnd\":25000000000,\"note\":\"xã báo cáo\"}";
}

std::set<std::string> editable(RunningServer& running, const Account& account)
{
    std::set<std::string> codes;
    for (const auto& s :
         persistence::ClusterRepository(running.storage.database()).listSummaries(Date{}))
        if (mayEditSomething(account, s.cluster))
            codes.insert(s.cluster.code);
    return codes;
}
} // namespace

TEST_CASE("a commune official of xã Ứng Thiên sees its clusters and reports for Cầu Bầu only",
          "[office][db]")
{
    RunningServer running;
    auto official =
        createPerson(running, "ungthien@example.vn", Role::CommuneOfficial, {}, {}, {"10369"});
    signIn(running.port(), official);

    // Exactly the unit's clusters: Cầu Bầu (giai đoạn 2) and Xà Cầu, nothing else.
    CHECK(editable(running, official.account) == std::set<std::string>{"cau-bau-gd-2", "xa-cau"});
    const auto index = getAs(running.port(), official, "/admin");
    REQUIRE(index.status == 200);
    CHECK(contains(index.body, "/admin/clusters/cau-bau-gd-2/report"));
    CHECK(contains(index.body, "/admin/clusters/xa-cau/report"));
    CHECK_FALSE(contains(index.body, "/admin/clusters/huu-bang/report"));

    // The form, in scope, then out of it.
    const auto form = getAs(running.port(), official, "/admin/clusters/cau-bau-gd-2/report");
    REQUIRE(form.status == 200);
    const auto found =
        persistence::RegistryRepository(running.storage.database()).findCluster("cau-bau-gd-2");
    std::map<std::string, std::string> fields{{"date", "2026-11-26"},
                                              {"confirm", "1"},
                                              {"confirm_reason", "dữ liệu thử"},
                                              {"disbursed_vnd", "25000000000"},
                                              {"note", "Xã Ứng Thiên"}};
    for (std::size_t i = 0; i < found->items.size(); ++i)
    {
        fields["items[" + std::to_string(i) + "].work_item"] = std::to_string(found->items[i].id);
        fields["items[" + std::to_string(i) + "].percent"] = "90";
    }
    const auto posted =
        postForm(running.port(), official, "/admin/clusters/cau-bau-gd-2/report", fields);
    CHECK(posted.status == 303);
    CHECK(getAs(running.port(), official, "/admin/clusters/huu-bang/report").status == 403);

    // The API, in scope, then out of it; the refusal writes nothing.
    const auto before = auditOf(running, "progress_report").size();
    CHECK(sendJson(running.port(), official, "POST", "/api/v1/clusters/cau-bau-gd-2/reports",
                   reportBody(running, "cau-bau-gd-2"))
              .status == 201);
    CHECK(sendJson(running.port(), official, "POST", "/api/v1/clusters/huu-bang/reports",
                   reportBody(running, "huu-bang"))
              .status == 403);
    CHECK(auditOf(running, "progress_report").size() == before + 1);
}

TEST_CASE("an old district official becomes a commune official and keeps its clusters",
          "[office][db]")
{
    RunningServer running;
    auto old = createPerson(running, "unghoa@example.vn", Role::DistrictOfficial, {"Ứng Hòa"});
    const auto before = editable(running, old.account);
    REQUIRE(before.count("cau-bau-gd-2") == 1);

    const persistence::AuditContext context{"system:units-2025", "start-up",
                                            "2026-12-01T08:00:00+07:00"};
    const auto upgraded = persistence::upgradeDistrictOfficials(running.storage.database(),
                                                                net::adminUnits(), context);
    REQUIRE(upgraded.size() == 1);
    CHECK(upgraded[0].districts == std::vector<std::string>{"Ứng Hòa"});
    const auto stored =
        persistence::AccountRepository(running.storage.database()).findByEmail("unghoa@example.vn");
    REQUIRE(stored);
    CHECK(stored->account.role == Role::CommuneOfficial);
    const auto& communes = stored->account.communes;
    CHECK(std::find(communes.begin(), communes.end(), "10369") != communes.end());
    CHECK(std::find(communes.begin(), communes.end(), "10354") != communes.end()); // xã Vân Đình
    for (const auto& code : before)
    {
        INFO(code);
        CHECK(editable(running, stored->account).count(code) == 1);
    }
    const auto audited = auditOf(running, "user");
    const auto upgrade =
        std::find_if(audited.begin(), audited.end(),
                     [](const auto& entry) { return entry.actor == "system:units-2025"; });
    REQUIRE(upgrade != audited.end());
    CHECK(contains(upgrade->changes, "commune_official"));
    CHECK(contains(upgrade->changes, "10369"));
    // Once only, and the account still signs in.
    CHECK(persistence::upgradeDistrictOfficials(running.storage.database(), net::adminUnits(),
                                                context)
              .empty());
    signIn(running.port(), old);
    CHECK(getAs(running.port(), old, "/admin/clusters/cau-bau-gd-2/report").status == 200);
}

TEST_CASE("pages and the API name the current unit first and the former district as context",
          "[office][db]")
{
    RunningServer running;
    const auto cauBau = httpGet(running.port(), "/api/v1/clusters/cau-bau-gd-2").json();
    const auto unit = cauBau->getArray("communes")->getObject(0);
    CHECK(unit->getValue<std::string>("code") == "10369");
    CHECK(unit->getValue<std::string>("name") == "Xã Ứng Thiên");
    CHECK(unit->getValue<bool>("certain"));
    CHECK(cauBau->getValue<std::string>("former_district") == "Ứng Hòa");
    CHECK(cauBau->getValue<std::string>("former_commune") == "xã Quảng Phú Cầu");
    CHECK(cauBau->getObject("placement")->getValue<bool>("verified"));

    // Search by the new name and by the old one, and the filter by unit code.
    for (const std::string query : {"ung+thien", "%E1%BB%A8ng+Thi%C3%AAn", "quang+phu+cau"})
    {
        INFO(query);
        const auto found = httpGet(running.port(), "/clusters?q=" + query);
        CHECK(contains(found.body, "href=\"/clusters/cau-bau-gd-2\""));
        CHECK_FALSE(contains(found.body, "href=\"/clusters/huu-bang\""));
    }
    const auto filtered = httpGet(running.port(), "/api/v1/clusters?commune=10369").json();
    CHECK(filtered->getValue<int>("total") == 2);

    // Both languages: the unit, the former district, and a split shown as unverified.
    const auto vi = httpGet(running.port(), "/clusters/cau-bau-gd-2");
    CHECK(contains(vi.body, "xã Ứng Thiên"));
    CHECK(contains(vi.body, "huyện Ứng Hòa cũ"));
    CHECK(contains(vi.body, "Huyện cũ"));
    CHECK_FALSE(contains(vi.body, "Quận, huyện"));
    const auto en = httpGet(running.port(), "/clusters/cau-bau-gd-2?lang=en");
    CHECK(contains(en.body, "Ứng Thiên commune"));
    CHECK(contains(en.body, "former Ứng Hòa district"));
    CHECK(contains(httpGet(running.port(), "/clusters/huu-bang").body,
                   "xã Tây Phương hoặc xã Kiều Phú (chưa xác minh)"));
    CHECK(contains(httpGet(running.port(), "/clusters/huu-bang?lang=en").body,
                   "Tây Phương commune or Kiều Phú commune (unverified)"));

    // The unit's own page: its clusters, what it was formed from.
    const auto page = httpGet(running.port(), "/communes/xa-ung-thien");
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "10369"));
    CHECK(contains(page.body, "Xã Quảng Phú Cầu, Huyện Ứng Hòa"));
    CHECK(contains(page.body, "href=\"/clusters/cau-bau-gd-2\""));
    CHECK(httpGet(running.port(), "/communes/xa-khong-co").status == 404);
    // Điều 8: no industrial land on record, so no verdict is guessed.
    CHECK(contains(page.body, "Điều 8 Nghị định 32/2024/NĐ-CP"));
    CHECK(contains(page.body, "Chưa đủ số liệu để kết luận"));
    CHECK(contains(page.body, "không tính được tỷ lệ lấp đầy"));
    const auto overview = httpGet(running.port(), "/");
    CHECK(contains(overview.body, "href=\"/communes/xa-ung-thien\""));
    CHECK(contains(overview.body, "href=\"/districts\""));
    CHECK(contains(overview.body, "Điều 8 Nghị định 32/2024/NĐ-CP"));
    CHECK(contains(overview.body, "<meta name=\"description\" content=\""));
    CHECK(contains(page.body, "<meta name=\"description\" content=\"Xã Ứng Thiên — Tiến độ"));
    // The registry says how current it is and counts each cohort beside 2022's report.
    CHECK(contains(overview.body, "11/03/2025"));
    CHECK(contains(overview.body, "Bản ghi thuộc danh sách năm 2022</th><td>44</td>"));
    CHECK(contains(overview.body, "Bản ghi thành lập năm 2025</th><td>3</td>"));
    CHECK(httpGet(running.port(), "/districts").status == 200);
    CHECK(httpGet(running.port(), "/api/v1/communes").json()->getValue<int>("total") == 126);
}

TEST_CASE("an official confirms a split cluster's unit, which removes the doubt, audited",
          "[office][db]")
{
    RunningServer running;
    // Hữu Bằng lies in xã Tây Phương or xã Kiều Phú: an official of either may confirm.
    auto official =
        createPerson(running, "kieuphu@example.vn", Role::CommuneOfficial, {}, {}, {"09910"});
    auto elsewhere =
        createPerson(running, "ungthien2@example.vn", Role::CommuneOfficial, {}, {}, {"10369"});
    signIn(running.port(), official);
    signIn(running.port(), elsewhere);
    const auto form = getAs(running.port(), official, "/admin/clusters/huu-bang/units");
    REQUIRE(form.status == 200);
    CHECK(contains(form.body, "chưa xác minh"));
    const auto version = hiddenValue(form.body, "version");

    // No evidence: refused with a message, nothing changes.
    const auto bare = postForm(running.port(), official, "/admin/clusters/huu-bang/units",
                               {{"version", version}, {"unit_1", "10003"}, {"evidence", ""}});
    CHECK(bare.status == 422);
    CHECK(contains(bare.body, "Ghi căn cứ xác nhận"));
    CHECK(postForm(running.port(), official, "/admin/clusters/huu-bang/units",
                   {{"version", version}, {"unit_1", "99999"}, {"evidence", "QĐ 1/QĐ-UBND"}})
              .status == 422);
    CHECK(postForm(running.port(), elsewhere, "/admin/clusters/huu-bang/units",
                   {{"version", version}, {"unit_1", "10369"}, {"evidence", "QĐ 1/QĐ-UBND"}})
              .status == 403);
    CHECK(contains(httpGet(running.port(), "/clusters/huu-bang").body, "(chưa xác minh)"));

    const auto confirmed =
        postForm(running.port(), official, "/admin/clusters/huu-bang/units",
                 {{"version", version}, {"unit_1", "10003"}, {"evidence", "QĐ 2803/QĐ-UBND"}});
    REQUIRE(confirmed.status == 303);
    const auto api = httpGet(running.port(), "/api/v1/clusters/huu-bang").json();
    CHECK(api->getArray("communes")->size() == 1);
    CHECK(api->getArray("communes")->getObject(0)->getValue<std::string>("code") == "10003");
    CHECK(api->getObject("placement")->getValue<std::string>("basis") == "confirmed");
    CHECK(api->getObject("placement")->getValue<bool>("verified"));
    const auto page = httpGet(running.port(), "/clusters/huu-bang").body;
    CHECK_FALSE(contains(page, "(chưa xác minh)"));
    CHECK(contains(page, "QĐ 2803/QĐ-UBND"));
    const auto audited = auditOf(running, "cluster");
    const auto entry = std::find_if(audited.begin(), audited.end(),
                                    [](const auto& e) { return e.actor == "kieuphu@example.vn"; });
    REQUIRE(entry != audited.end());
    CHECK(contains(entry->changes, "10003? 09910?"));
    CHECK(contains(entry->changes, "confirmed"));
    // Confirmed elsewhere, it is out of Kiều Phú's hands now; and the city's official, on a
    // stale form (the old version), gets a conflict, not a silent overwrite.
    CHECK(postForm(running.port(), official, "/admin/clusters/huu-bang/units",
                   {{"version", version}, {"unit_1", "09910"}, {"evidence", "QĐ 9/QĐ-UBND"}})
              .status == 403);
    auto city = createPerson(running, "sct@example.vn", Role::CityOfficial);
    signIn(running.port(), city);
    CHECK(postForm(running.port(), city, "/admin/clusters/huu-bang/units",
                   {{"version", version}, {"unit_1", "09910"}, {"evidence", "QĐ 9/QĐ-UBND"}})
              .status == 409);
}

TEST_CASE("an admin gives a commune official its units by name, and an unknown one is refused",
          "[office][db]")
{
    RunningServer running;
    auto admin = createPerson(running, "qtv@example.vn", Role::Admin);
    signIn(running.port(), admin);
    const auto form = getAs(running.port(), admin, "/admin/users");
    CHECK(contains(form.body, "<option value=\"10369\">Xã Ứng Thiên (10369)</option>"));
    CHECK(postForm(running.port(), admin, "/admin/users",
                   {{"email", "xa@example.vn"},
                    {"role", "commune_official"},
                    {"communes", "99999"},
                    {"password", "a long enough password"}})
              .status == 422);
    CHECK(postForm(running.port(), admin, "/admin/users",
                   {{"email", "xa@example.vn"},
                    {"role", "commune_official"},
                    {"communes", "10369"},
                    {"password", "a long enough password"}})
              .status == 303);
    const auto stored =
        persistence::AccountRepository(running.storage.database()).findByEmail("xa@example.vn");
    REQUIRE(stored);
    CHECK(stored->account.role == Role::CommuneOfficial);
    CHECK(stored->account.communes == std::vector<std::string>{"10369"});
    const auto edit =
        getAs(running.port(), admin, "/admin/users/" + std::to_string(stored->account.id));
    CHECK(contains(edit.body, "<option value=\"10369\" selected>Xã Ứng Thiên (10369)</option>"));

    // Digest scopes: a commune by code, a former district labelled as one.
    CHECK(postForm(running.port(), admin, "/admin/subscriptions",
                   {{"email", "tin@example.vn"}, {"language", "vi"}, {"scope", "commune:10369"}})
              .status == 303);
    CHECK(postForm(running.port(), admin, "/admin/subscriptions",
                   {{"email", "cu@example.vn"}, {"language", "vi"}, {"scope", "district:Ứng Hòa"}})
              .status == 303);
    CHECK(postForm(running.port(), admin, "/admin/subscriptions",
                   {{"email", "sai@example.vn"}, {"language", "vi"}, {"scope", "commune:99999"}})
              .status == 422);
    const auto subscriptions = getAs(running.port(), admin, "/admin/subscriptions").body;
    CHECK(contains(subscriptions, "Xã Ứng Thiên (10369)"));
    CHECK(contains(subscriptions, "khu vực huyện Ứng Hòa cũ"));
    CHECK_FALSE(contains(subscriptions, "sai@example.vn"));
}
