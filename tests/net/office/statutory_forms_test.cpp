// The half-yearly forms of Thông tư 14/2024/TT-BCT with the demo data: a developer files
// Biểu 02 prefilled from its cluster, the commune accepts it, the commune's Biểu 03 and the
// city's Biểu 04 follow from the accepted forms; printable, XLSX (read back by openpyxl)
// and JSON; every transition checked for who may make it, and frozen once accepted.
#include "office/office_helpers.h"
#include "support/office_client.h"

#include <Poco/JSON/Array.h>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace tracker;
using namespace tracker::testing;

namespace
{
const std::string kBieu02 = "/api/v1/statutory-reports/02/cau-bau-gd-2/2026-H1";
const std::string kBieu03 = "/api/v1/statutory-reports/03/10369/2026-H1";
const std::string kBieu04 = "/api/v1/statutory-reports/04/hanoi/2026-H1";

Poco::JSON::Object::Ptr indicator(const Poco::JSON::Object::Ptr& form, const std::string& no)
{
    const auto rows = form->getArray("indicators");
    for (unsigned i = 0; i < rows->size(); ++i)
        if (rows->getObject(i)->getValue<std::string>("no") == no)
            return rows->getObject(i);
    FAIL("no indicator " << no);
    return nullptr;
}

std::string act(const std::string& action, int version, const std::string& extra = "")
{
    return "{\"action\":\"" + action + "\",\"version\":" + std::to_string(version) + extra + "}";
}

struct People
{
    Person developer, commune, otherCommune, city, admin;
};

People people(RunningServer& running)
{
    return {createPerson(running, "cdt@example.vn", Role::Developer, {}, {"cau-bau-gd-2"}),
            createPerson(running, "xa@example.vn", Role::CommuneOfficial, {}, {}, {"10369"}),
            createPerson(running, "xb@example.vn", Role::CommuneOfficial, {}, {}, {"10003"}),
            createPerson(running, "sct@example.vn", Role::CityOfficial),
            createPerson(running, "qtv@example.vn", Role::Admin)};
}

// openpyxl's reading of the workbook: "row|col|value|number_format" per non-empty cell.
std::string readXlsx(const std::string& bytes)
{
    const auto path =
        std::filesystem::temp_directory_path() / ("bieu-" + std::to_string(getpid()) + ".xlsx");
    std::ofstream(path, std::ios::binary) << bytes;
    const auto out = path.string() + ".txt";
    const std::string command =
        "/usr/bin/python3 -c \"import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1]).active\n"
        "for row in ws.iter_rows():\n"
        "  for c in row:\n"
        "    c.value is None or print(c.row, c.column, c.value, c.number_format, sep='|')\" " +
        path.string() + " > " + out;
    REQUIRE(std::system(command.c_str()) == 0);
    std::ifstream in(out);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove(path);
    std::filesystem::remove(out);
    return text;
}
} // namespace

TEST_CASE("a developer files Biểu 02 prefilled, the commune accepts it, and it is frozen",
          "[office][db]")
{
    RunningServer running;
    auto p = people(running);
    const int port = running.port();

    // Nobody else reads a firm's form; the developer sees it prefilled and unfiled.
    CHECK(httpGet(port, kBieu02).status == 401);
    CHECK(sendJson(port, p.otherCommune, "GET", kBieu02, "").status == 403);
    const auto opened = sendJson(port, p.developer, "GET", kBieu02, "").json();
    CHECK(opened->getValue<std::string>("state") == "draft");
    CHECK_FALSE(opened->getValue<bool>("filed"));
    CHECK(opened->getValue<std::string>("cut_off") == "2026-06-14");
    CHECK(opened->getValue<std::string>("due_before") == "2026-06-20");
    CHECK(indicator(opened, "1")->getValue<long long>("value_exact") == 128'000'000'000LL);
    CHECK(contains(indicator(opened, "2")->getValue<std::string>("note"), "Báo cáo tiến độ ngày"));
    CHECK(indicator(opened, "5")->isNull("value")); // no industrial land on record: not computed
    CHECK(indicator(opened, "1")->getValue<std::string>("name_vi") ==
          "Tổng mức đầu tư xây dựng hạ tầng kỹ thuật theo dự án đã được duyệt");

    // A reviewer cannot accept a draft; a bad figure is refused and nothing is stored.
    CHECK(sendJson(port, p.commune, "POST", kBieu02, act("accept", 0)).status == 422);
    const auto bad = sendJson(port, p.developer, "POST", kBieu02,
                              act("save", 0, ",\"values\":{\"3\":\"nhiều\"}"));
    CHECK(bad.status == 422);
    CHECK(contains(bad.body, "Chỉ tiêu 3"));
    CHECK_FALSE(sendJson(port, p.developer, "GET", kBieu02, "").json()->getValue<bool>("filed"));
    const auto inconsistent = sendJson(port, p.developer, "POST", kBieu02,
                                       act("save", 0, ",\"values\":{\"6\":\"2\",\"7\":\"3\"}"));
    CHECK(inconsistent.status == 422);
    CHECK(contains(inconsistent.body, "lớn hơn chỉ tiêu 6"));

    const auto submitted = sendJson(
        port, p.developer, "POST", kBieu02,
        act("submit", 0,
            ",\"values\":{\"3\":\"4,5\",\"4\":\"2,25\",\"6\":\"3\",\"7\":\"1\",\"8\":\"2\","
            "\"9\":\"12,5\",\"11\":\"25\",\"13\":\"1\",\"13\":\"1\",\"14\":\"1\"},\"notes\":{\"3\":"
            "\"Theo biên bản "
            "nghiệm thu 05/2026\"}"));
    REQUIRE(submitted.status == 200);
    const auto filed = submitted.json();
    CHECK(filed->getValue<std::string>("state") == "submitted");
    CHECK(filed->getValue<std::string>("filed_by") == "cdt@example.vn");
    CHECK(indicator(filed, "3")->getValue<long long>("value_exact") == 45'000);
    CHECK(indicator(filed, "9")->getValue<long long>("value_exact") == 12'500'000'000LL);
    const int version = filed->getValue<int>("version");

    // Only a reviewer of the cluster's commune (or the city) acts on it now.
    CHECK(sendJson(port, p.developer, "POST", kBieu02, act("save", version)).status == 422);
    CHECK(sendJson(port, p.otherCommune, "POST", kBieu02, act("accept", version)).status == 403);
    CHECK(sendJson(port, p.commune, "POST", kBieu02, act("return", version)).status == 422);
    const auto returned = sendJson(port, p.commune, "POST", kBieu02,
                                   act("return", version, ",\"comment\":\"Bổ sung chỉ tiêu 10\""));
    REQUIRE(returned.status == 200);
    CHECK(returned.json()->getValue<std::string>("state") == "returned");
    const auto again = sendJson(port, p.developer, "POST", kBieu02,
                                act("submit", version + 1, ",\"values\":{\"10\":\"1,2\"}"));
    REQUIRE(again.status == 200);
    const int resubmitted = again.json()->getValue<int>("version");
    CHECK(sendJson(port, p.commune, "POST", kBieu02, act("accept", resubmitted - 1)).status == 409);
    const auto accepted = sendJson(port, p.commune, "POST", kBieu02, act("accept", resubmitted));
    REQUIRE(accepted.status == 200);
    CHECK(accepted.json()->getValue<std::string>("state") == "accepted");
    CHECK(accepted.json()->getValue<std::string>("reviewed_by") == "xa@example.vn");

    // Frozen: nobody changes an accepted form, the admin included. Those who may act on it
    // are told it is frozen (422); the others that they may not (403).
    for (const auto* person : {&p.developer, &p.commune, &p.admin})
        for (const char* action : {"save", "submit", "accept", "return"})
        {
            INFO(person->account.email << " " << action);
            const auto tried = sendJson(port, *person, "POST", kBieu02,
                                        act(action, resubmitted + 1, ",\"comment\":\"x\""));
            const bool filing = std::string(action) == "save" || std::string(action) == "submit";
            const bool entitled = person == &p.admin || (filing == (person == &p.developer));
            CHECK(tried.status == (entitled ? 422 : 403));
            if (entitled)
                CHECK(contains(tried.body, "đã được chấp nhận"));
        }
    CHECK(httpGet(port, kBieu02).status == 401); // still not public
    const auto audit = auditOf(running, "statutory_report");
    CHECK(audit.size() == 5); // create, submit, return, submit, accept
}

TEST_CASE("Biểu 03 and 04 follow from the accepted Biểu 02, printable, XLSX and JSON",
          "[office][db]")
{
    RunningServer running;
    auto p = people(running);
    const int port = running.port();
    REQUIRE(
        sendJson(
            port, p.developer, "POST", kBieu02,
            act("submit", 0,
                ",\"values\":{\"4\":\"2,25\",\"6\":\"3\",\"7\":\"1\",\"13\":\"1\",\"14\":\"1\"}"))
            .status == 200);
    REQUIRE(sendJson(port, p.commune, "POST", kBieu02, act("accept", 2)).status == 200);

    // A tenant's Biểu 01, filed by the cluster's developer for it and accepted by the commune.
    const auto tenant = httpGet(port, "/api/v1/clusters/cau-bau-gd-2")
                            .json()
                            ->getArray("tenants")
                            ->getObject(0)
                            ->getValue<long long>("id");
    const auto bieu01 = "/api/v1/statutory-reports/01/" + std::to_string(tenant) + "/2026-H1";
    CHECK(sendJson(port, p.otherCommune, "POST", bieu01, act("submit", 0)).status == 403);
    REQUIRE(sendJson(port, p.developer, "POST", bieu01,
                     act("submit", 0,
                         ",\"values\":{\"1\":\"12,5\",\"2\":\"0,8\",\"3\":\"120\",\"4\":\"9,5\"}"))
                .status == 200);
    REQUIRE(sendJson(port, p.commune, "POST", bieu01, act("accept", 2)).status == 200);

    // The commune's Biểu 03: the accepted figures, the clusters behind them, what is missing.
    const auto bieu03 = sendJson(port, p.commune, "GET", kBieu03, "").json();
    CHECK(bieu03->getValue<std::string>("unit_name") == "Ủy ban nhân dân xã Ứng Thiên");
    CHECK(bieu03->getValue<std::string>("due_before") == "2026-06-25");
    CHECK(indicator(bieu03, "18")->getValue<long long>("value_exact") == 22'500);
    CHECK(indicator(bieu03, "20")->getValue<long long>("value_exact") == 3);
    CHECK(indicator(bieu03, "21")->getValue<long long>("value_exact") == 1);
    CHECK(indicator(bieu03, "27")->getValue<long long>("value_exact") == 1);
    CHECK(indicator(bieu03, "23")->getValue<long long>("value_exact") == 12'500'000'000LL);
    CHECK(indicator(bieu03, "25")->getValue<long long>("value_exact") == 120);
    CHECK(indicator(bieu03, "18")->getArray("clusters")->getElement<std::string>(0) ==
          "cau-bau-gd-2");
    CHECK(indicator(bieu03, "15.1")->getValue<std::string>("name_vi") ==
          "Số lượng cụm công nghiệp hoạt động đã thành lập");
    CHECK(contains(bieu03->getArray("missing")->getElement<std::string>(0), "xa-cau"));
    CHECK(httpGet(port, kBieu03).status == 401); // not public until accepted

    // Submitted by the commune, accepted by the city: then public.
    REQUIRE(sendJson(port, p.commune, "POST", kBieu03, act("submit", 0)).status == 200);
    CHECK(sendJson(port, p.commune, "POST", kBieu03, act("accept", 2)).status == 403);
    REQUIRE(sendJson(port, p.city, "POST", kBieu03, act("accept", 2)).status == 200);
    const auto published = httpGet(port, kBieu03);
    REQUIRE(published.status == 200);
    const auto page = httpGet(port, "/statutory-reports/03/10369/2026-H1");
    CHECK(page.status == 200);
    CHECK(contains(page.body, "Biểu số 03"));
    CHECK(httpGet(port, "/statutory-reports/02/cau-bau-gd-2/2026-H1").status == 404); // a firm's
    CHECK(httpGet(port, "/statutory-reports/04/hanoi/2026-H1").status == 404); // not accepted yet
    CHECK(indicator(published.json(), "18")->getValue<long long>("value_exact") == 22'500);

    // The city's Biểu 04 counts every cluster: the communes' and those not yet placed.
    const auto bieu04 = sendJson(port, p.city, "GET", kBieu04, "").json();
    CHECK(indicator(bieu04, "1")->getValue<long long>("value_exact") == 47);
    CHECK(indicator(bieu04, "18")->getValue<long long>("value_exact") == 22'500);
    CHECK(indicator(bieu04, "4")->getValue<long long>("value_exact") ==
          indicator(bieu04, "2")->getValue<long long>("value_exact"));
    CHECK(bieu04->getArray("missing")->size() == 46); // every other cluster's Biểu 02
    // The communes' Biểu 03 add up to the city's Biểu 04, with the clusters whose unit is not
    // yet certain counted in the city only.
    long long communes = 0, areas = 0, unverified = 0;
    const auto units = httpGet(port, "/api/v1/communes").json()->getArray("communes");
    for (unsigned i = 0; i < units->size(); ++i)
    {
        const auto unit = units->getObject(i);
        if (unit->getValue<int>("cluster_count") == 0)
            continue;
        const auto form = sendJson(port, p.city, "GET",
                                   "/api/v1/statutory-reports/03/" +
                                       unit->getValue<std::string>("code") + "/2026-H1",
                                   "")
                              .json();
        communes += indicator(form, "3")->getValue<long long>("value_exact");
        areas += indicator(form, "4")->getValue<long long>("value_exact");
    }
    const auto all = httpGet(port, "/api/v1/clusters?per_page=200").json()->getArray("clusters");
    long long unverifiedArea = 0;
    for (unsigned i = 0; i < all->size(); ++i)
        if (!all->getObject(i)->getObject("placement")->getValue<bool>("verified"))
        {
            ++unverified;
            const auto area = all->getObject(i)->get("total_area_m2");
            unverifiedArea += area.isEmpty() ? 0 : area.convert<long long>();
        }
    CHECK(communes + unverified == indicator(bieu04, "3")->getValue<long long>("value_exact"));
    CHECK(areas + unverifiedArea == indicator(bieu04, "4")->getValue<long long>("value_exact"));
    REQUIRE(sendJson(port, p.city, "POST", kBieu04, act("submit", 0)).status == 200);
    CHECK(sendJson(port, p.city, "POST", kBieu04, act("accept", 2)).status == 403);
    REQUIRE(sendJson(port, p.admin, "POST", kBieu04, act("accept", 2)).status == 200);

    // Who has filed what: the commune sees its clusters' Biểu 02 and its own Biểu 03.
    signIn(port, p.commune);
    const auto overview = getAs(port, p.commune, "/admin/statutory?period=2026-H1");
    REQUIRE(overview.status == 200);
    CHECK(contains(overview.body, "/admin/statutory/02/cau-bau-gd-2/2026-H1"));
    CHECK(contains(overview.body, "/admin/statutory/03/10369/2026-H1"));
    CHECK_FALSE(contains(overview.body, "/admin/statutory/02/huu-bang/2026-H1"));
    CHECK_FALSE(contains(overview.body, "/admin/statutory/04/hanoi"));
    CHECK(contains(overview.body, "Quá hạn")); // 2026-H1 was due on 20/6, 25/6

    // The printable page, laid out like the official form.
    const auto print = getAs(port, p.commune, "/admin/statutory/03/10369/2026-H1/print");
    REQUIRE(print.status == 200);
    for (const char* text :
         {"Biểu số 03", "Tổng hợp tình hình cụm công nghiệp trên địa bàn cấp xã",
          "Đơn vị nhận báo cáo: Ủy ban nhân dân cấp tỉnh, Sở Công Thương",
          "Thời hạn gửi báo cáo: trước ngày 25 tháng 6 năm 2026", "TM. ỦY BAN NHÂN DÂN",
          "(Chữ ký, họ và tên, chức danh, dấu)", "<td>(4)</td>"})
    {
        INFO(text);
        CHECK(contains(print.body, text));
    }
    CHECK_FALSE(contains(print.body, "name=\"action\""));

    // The XLSX, read back by openpyxl: the rows in order, numbers as numbers, formats set.
    const auto xlsx = sendJson(port, p.commune, "GET", kBieu03 + "?format=xlsx", "");
    REQUIRE(xlsx.status == 200);
    CHECK(xlsx.contentType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const auto cells = readXlsx(xlsx.body);
    CHECK(contains(cells, "|5|Biểu số 03|"));
    CHECK(
        contains(cells, "|2|Tổng diện tích đất công nghiệp đã cho thuê tại các cụm công nghiệp|"));
    CHECK(contains(cells, "|4|2.25|#,##0.0000")); // 18: 2.25 ha, a number with its format
    CHECK(contains(cells, "|4|128|#,##0.000"));   // 13: 128 tỷ đồng
    CHECK(contains(cells, "|4|TM. ỦY BAN NHÂN DÂN|"));
    CHECK(sendJson(port, p.commune, "GET", kBieu03 + "?format=pdf", "").status == 400);
}

TEST_CASE("a cluster's facts feed its Biểu 02 and the commune's Biểu 03, and bad ones are refused",
          "[office][db]")
{
    RunningServer running;
    auto p = people(running);
    const int port = running.port();
    signIn(port, p.commune);
    const auto form = getAs(port, p.commune, "/admin/clusters/cau-bau-gd-2/facts");
    REQUIRE(form.status == 200);
    CHECK(hiddenValue(form.body, "version") == "0");
    // A compliant plant that is not built, and no source: refused, nothing stored.
    const auto bad = postForm(port, p.commune, "/admin/clusters/cau-bau-gd-2/facts",
                              {{"version", "0"},
                               {"wastewater_state", "building"},
                               {"wastewater_compliant", "1"},
                               {"source", ""}});
    CHECK(bad.status == 422);
    CHECK(contains(bad.body, "Chỉ trạm đã xây dựng mới có thể đạt tiêu chuẩn."));
    const auto saved = postForm(port, p.commune, "/admin/clusters/cau-bau-gd-2/facts",
                                {{"version", "0"},
                                 {"ready_to_lease_m2", "41000"},
                                 {"wastewater_state", "built"},
                                 {"wastewater_compliant", "1"},
                                 {"detailed_plan_approved_on", "2021-03-15"},
                                 {"infra_project_approved_on", "2022-01-10"},
                                 {"specialised", "0"},
                                 {"source", "QĐ 1234/QĐ-UBND ngày 15/03/2021"}});
    CHECK(saved.status == 303);
    CHECK(postForm(port, p.commune, "/admin/clusters/cau-bau-gd-2/facts",
                   {{"version", "0"}, {"ready_to_lease_m2", "1"}, {"source", "x"}})
              .status == 409); // a stale form
    CHECK(postForm(port, p.otherCommune, "/admin/clusters/cau-bau-gd-2/facts",
                   {{"version", "1"}, {"source", "x"}})
              .status == 303); // signed out: to /login
    const auto audit = auditOf(running, "cluster_facts");
    REQUIRE(audit.size() == 1);
    CHECK(contains(audit[0].changes, "\"ready_to_lease_m2\":{\"old\":\"\",\"new\":\"41000\"}"));

    // A foreign-invested tenant, entered through the API.
    const auto before =
        sendJson(port, p.developer, "GET", "/api/v1/statutory-reports/02/cau-bau-gd-2/2026-Y", "")
            .json();
    const auto foreignBefore = indicator(before, "7")->getValue<long long>("value_exact");
    REQUIRE(sendJson(port, p.developer, "POST", "/api/v1/clusters/cau-bau-gd-2/tenants",
                     "{\"company_name\":\"Công ty TNHH Sao Việt Nhật\",\"tax_code\":\"0100109106\","
                     "\"leased_area_m2\":\"3000\",\"registered_capital_vnd\":\"50000000000\","
                     "\"status\":\"operating\",\"lease_start\":\"2026-01-05\","
                     "\"foreign_invested\":\"1\"}")
                .status == 201);

    const auto prefilled =
        sendJson(port, p.developer, "GET", "/api/v1/statutory-reports/02/cau-bau-gd-2/2026-Y", "")
            .json();
    CHECK(indicator(prefilled, "3")->getValue<long long>("value_exact") == 41'000);
    CHECK(contains(indicator(prefilled, "3")->getValue<std::string>("note"), "QĐ 1234"));
    CHECK(indicator(prefilled, "13")->getValue<long long>("value_exact") == 1);
    CHECK(indicator(prefilled, "14")->getValue<long long>("value_exact") == 1);
    CHECK(indicator(prefilled, "7")->getValue<long long>("value_exact") == foreignBefore + 1);

    // Biểu 03 counts the approvals it now knows of, and says how many it does not.
    const auto bieu03 =
        sendJson(port, p.commune, "GET", "/api/v1/statutory-reports/03/10369/2026-Y", "").json();
    CHECK(indicator(bieu03, "9")->getValue<long long>("value_exact") == 1);
    CHECK(indicator(bieu03, "11")->getValue<long long>("value_exact") == 1);
    CHECK(indicator(bieu03, "15.4")->getValue<long long>("value_exact") == 0);
}

TEST_CASE("an investor finds clusters with land available now in one commune, in every format",
          "[office][db]")
{
    RunningServer running;
    auto p = people(running);
    const int port = running.port();
    signIn(port, p.commune);
    // Industrial land on the registry, ready land and the contact in the cluster's facts.
    const auto cluster = httpGet(port, "/api/v1/clusters/cau-bau-gd-2").json();
    const auto leased = cluster->getValue<long long>("leased_area_m2");
    REQUIRE(sendJson(port, p.city, "PATCH", "/api/v1/clusters/cau-bau-gd-2",
                     "{\"version\":" + std::to_string(cluster->getValue<int>("version")) +
                         ",\"industrial_area_m2\":\"45000\"}")
                .status == 200);
    REQUIRE(postForm(port, p.commune, "/admin/clusters/cau-bau-gd-2/facts",
                     {{"version", "0"},
                      {"ready_to_lease_m2", std::to_string(leased + 25'000)},
                      {"wastewater_state", "built"},
                      {"wastewater_compliant", "1"},
                      {"source", "Biên bản nghiệm thu hạ tầng 05/2026"},
                      {"developer_contact", "Phòng kinh doanh, 024 1234 5678"},
                      {"lease_terms", "50 năm, thanh toán một lần"}})
                .status == 303);

    const auto found = httpGet(port, "/api/v1/land?commune=10369&min_ha=2&ready=now").json();
    REQUIRE(found->getValue<int>("total") == 1);
    const auto land = found->getArray("clusters")->getObject(0);
    CHECK(land->getValue<std::string>("code") == "cau-bau-gd-2");
    CHECK(land->getValue<long long>("available_now_m2") == 25'000);
    CHECK(land->getValue<std::string>("developer_contact") == "Phòng kinh doanh, 024 1234 5678");
    CHECK(httpGet(port, "/api/v1/land?commune=10369&min_ha=3&ready=now")
              .json()
              ->getValue<int>("total") == 0);
    CHECK(httpGet(port, "/api/v1/land?commune=10003&min_ha=2").json()->getValue<int>("total") == 0);
    CHECK(httpGet(port, "/api/v1/land?min_ha=2&wastewater=compliant")
              .json()
              ->getValue<int>("total") == 1);
    // Every other cluster: no industrial land on record, so it offers nothing and says why.
    const auto everything = httpGet(port, "/api/v1/land").json();
    CHECK(everything->getValue<int>("total") == 47);
    CHECK(everything->getArray("clusters")->getObject(0)->getValue<std::string>("code") ==
          "cau-bau-gd-2");
    CHECK(everything->getArray("clusters")->getObject(1)->getArray("missing")->size() == 1);
    for (const std::string bad :
         {"min_ha=abc", "min_ha=-1", "ready=soon", "commune=99999", "wastewater=yes"})
    {
        INFO(bad);
        CHECK(httpGet(port, "/api/v1/land?" + bad).status == 400);
    }

    const auto page = httpGet(port, "/land?commune=10369&min_ha=2&ready=now");
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "Tìm đất công nghiệp"));
    CHECK(contains(page.body, "href=\"/clusters/cau-bau-gd-2\""));
    CHECK(contains(page.body, "2,5 ha"));
    CHECK(contains(page.body, "50 năm, thanh toán một lần"));
    CHECK(contains(page.body, "Số liệu tính đến ngày 27/11/2026"));
    CHECK(found->getValue<std::string>("as_of") == "2026-11-27");
    const auto csv = httpGet(port, "/exports/land.csv?min_ha=2");
    REQUIRE(csv.status == 200);
    CHECK(contains(csv.body, "\"cau-bau-gd-2\""));
    CHECK(contains(csv.body, ",2.5,"));
    CHECK(httpGet(port, "/exports/land.xlsx").status == 200);

    // Two of them side by side: land, readiness of each work item, tenants, delays.
    const auto compared = httpGet(port, "/compare?c=cau-bau-gd-2,huu-bang");
    REQUIRE(compared.status == 200);
    CHECK(contains(compared.body, "href=\"/clusters/cau-bau-gd-2\""));
    CHECK(contains(compared.body, "href=\"/clusters/huu-bang\""));
    CHECK(contains(compared.body, "Sẵn sàng ngay</th><td>2,5 ha</td><td>chưa có số liệu</td>"));
    CHECK(contains(compared.body, "Đường giao thông nội bộ"));
    CHECK(contains(compared.body, "xã Tây Phương hoặc xã Kiều Phú (chưa xác minh)"));
    CHECK(httpGet(port, "/compare?c=a,b,c,d,e").status == 400);
    CHECK(httpGet(port, "/compare").status == 400);
    CHECK(httpGet(port, "/compare?c=cau-bau-gd-2,khong-co").status == 404);
}
