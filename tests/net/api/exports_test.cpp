#include "persistence/cluster_repository.h"
#include "persistence/cluster_writer.h"
#include "persistence/delay_flag_repository.h"
#include "support/http_client.h"
#include "support/running_server.h"

#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/JSON/Array.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <catch2/catch.hpp>
#include <soci/soci.h>
#include <sstream>

using tracker::testing::contains;
using tracker::testing::httpGet;
using tracker::testing::httpRequest;
using tracker::testing::RunningServer;

namespace
{
// How often `needle` stands in `body`: the rows or cards of a page.
std::size_t occurrences(const std::string& body, const std::string& needle)
{
    std::size_t count = 0;
    for (auto at = body.find(needle); at != std::string::npos; at = body.find(needle, at + 1))
        ++count;
    return count;
}


// Parses XML and fails the test (with the parser's message) when it is not well-formed.
Poco::AutoPtr<Poco::XML::Document> parseXml(const std::string& text)
{
    Poco::XML::DOMParser parser;
    parser.setFeature(Poco::XML::DOMParser::FEATURE_FILTER_WHITESPACE, true);
    return parser.parseString(text);
}

std::vector<std::string> inlineSvgs(const std::string& page)
{
    std::vector<std::string> svgs;
    for (std::size_t at = page.find("<svg"); at != std::string::npos;
         at = page.find("<svg", at + 1))
    {
        const std::size_t end = page.find("</svg>", at);
        if (end == std::string::npos)
            break;
        svgs.push_back(page.substr(at, end + 6 - at));
    }
    return svgs;
}

int countElements(const Poco::XML::Document& document, const std::string& name,
                  const std::string& classPrefix)
{
    Poco::AutoPtr<Poco::XML::NodeList> nodes = document.getElementsByTagName(name);
    int count = 0;
    for (unsigned long i = 0; i < nodes->length(); ++i)
    {
        auto* element = static_cast<Poco::XML::Element*>(nodes->item(i));
        if (element->getAttribute("class").rfind(classPrefix, 0) == 0)
            ++count;
    }
    return count;
}

std::string unzipEntry(const std::string& zip, const std::string& name)
{
    std::istringstream in(zip);
    Poco::Zip::ZipArchive archive(in);
    const auto header = archive.findHeader(name);
    if (header == archive.headerEnd())
        return {};
    std::istringstream again(zip);
    Poco::Zip::ZipInputStream entry(again, header->second);
    std::string text;
    Poco::StreamCopier::copyToString(entry, text);
    return text;
}

void insertHostileCluster(RunningServer& running)
{
    running.storage.database().withSession(
        [](soci::session& session)
        {
            session << "INSERT INTO clusters (code, name_vi, district, commune, status, "
                       "provenance) VALUES ('xss', '<script>alert(1)</script>', "
                       "'\"><img src=x onerror=alert(2)>', '&amp;', 'preparation', 'sourced')";
        });
    running.server->invalidateCache();
}
} // namespace

TEST_CASE("charts and maps are well-formed SVG with what they promise", "[net][pages][svg]")
{
    RunningServer running;
    const auto cluster = httpGet(running.port(), "/clusters/huu-bang");
    REQUIRE(cluster.status == 200);
    const auto charts = inlineSvgs(cluster.body);
    REQUIRE(charts.size() == 3); // schedule, physical S-curve, disbursement S-curve
    const auto schedule = parseXml(charts[0]);
    CHECK(countElements(*schedule, "rect", "planned") == 9); // one bar per work item
    for (const auto& chart : charts)
        CHECK(parseXml(chart)->documentElement()->getAttribute("role") == "img");

    const auto map = httpGet(running.port(), "/map");
    REQUIRE(map.status == 200);
    const auto svgs = inlineSvgs(map.body);
    REQUIRE_FALSE(svgs.empty());
    const auto drawn = parseXml(svgs[0]);
    CHECK(countElements(*drawn, "path", "district") == 30);
    CHECK(countElements(*drawn, "circle", "marker") == 47);
    CHECK(contains(map.body, "OCHA ROAP / Chính phủ Việt Nam, qua geoBoundaries, CC BY 3.0 IGO"));
    CHECK(contains(httpGet(running.port(), "/map?lang=en").body,
                   "OCHA ROAP / Government of Viet Nam, via geoBoundaries, CC BY 3.0 IGO"));

    const auto district = httpGet(running.port(), "/districts/thach-that");
    REQUIRE(district.status == 200);
    const auto highlighted = parseXml(inlineSvgs(district.body).at(0));
    CHECK(countElements(*highlighted, "path", "district has-clusters highlight") == 1);
    CHECK(countElements(*highlighted, "circle", "marker") == 5); // Thạch Thất's clusters only
    CHECK(contains(district.body, "href=\"/clusters/huu-bang\""));
    CHECK(httpGet(running.port(), "/districts/khong-co").status == 404);
}

TEST_CASE("the delay page lists every overdue item with since when and how late",
          "[net][pages][delays]")
{
    RunningServer running;
    CHECK(httpGet(running.port(), "/api/v1/delays").json()->getValue<int>("total") == 0);
    running.runDelayScan();
    const auto api = httpGet(running.port(), "/api/v1/delays?per_page=200").json();
    const auto total = api->getValue<int>("total");
    REQUIRE(total > 0);
    const auto first = api->getArray("delays")->getObject(0);
    const auto page = httpGet(running.port(), "/delays");
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, first->getObject("rule")->getValue<std::string>("label_vi")));
    CHECK(contains(page.body, "href=\"/clusters/" + first->getValue<std::string>("cluster_code")));
    // Appended: ">" + std::to_string(…) trips GCC 12's -Wrestrict false positive at -O3
    // (GCC bug 105651).
    const auto daysCell =
        std::string(">").append(std::to_string(first->getValue<int>("days_late"))).append("<");
    CHECK(contains(page.body, daysCell));
    const auto en = httpGet(running.port(), "/delays?lang=en");
    CHECK(contains(en.body, first->getObject("rule")->getValue<std::string>("label_en")));
}

TEST_CASE("CSV downloads open in Excel with Vietnamese intact", "[net][exports]")
{
    RunningServer running;
    const auto csv = httpGet(running.port(), "/exports/clusters.csv");
    REQUIRE(csv.status == 200);
    CHECK(csv.contentType == "text/csv; charset=utf-8");
    CHECK(contains(csv.disposition, "attachment; filename=\"cum-cong-nghiep-2026-11-27.csv\""));
    CHECK(csv.body.rfind("\xEF\xBB\xBF\"M\xC3\xA3\",", 0) == 0); // BOM, then "Mã"
    // The current unit first, unsure as the source is, then its codes and the former district.
    CHECK(contains(csv.body, "\"huu-bang\",\"Cụm công nghiệp làng nghề Hữu Bằng\","
                             "\"xã Tây Phương hoặc xã Kiều Phú (chưa xác minh)\",\"10003 09910\","
                             "\"Thạch Thất\",\"xã Hữu Bằng\",2022,"));
    CHECK(contains(csv.body, ",30.6,")); // exact hectares, dot decimal
    CHECK(contains(csv.body, ",1100000000000,"));
    std::size_t lines = 0;
    for (const char c : csv.body)
        lines += c == '\n' ? 1 : 0;
    CHECK(lines == 48); // header + 47 clusters
    const auto en = httpGet(running.port(), "/exports/clusters.csv?lang=en");
    CHECK(en.body.rfind("\xEF\xBB\xBF\"Code\",", 0) == 0);
    const auto tenants = httpGet(running.port(), "/exports/tenants.csv");
    REQUIRE(tenants.status == 200);
    CHECK(contains(tenants.body, "\"Mã số thuế\""));
}

TEST_CASE("XLSX downloads are workbooks holding the same rows", "[net][exports]")
{
    RunningServer running;
    const auto xlsx = httpGet(running.port(), "/exports/clusters.xlsx");
    REQUIRE(xlsx.status == 200);
    CHECK(xlsx.contentType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    CHECK(xlsx.body.rfind("PK", 0) == 0);
    const std::string strings = unzipEntry(xlsx.body, "xl/sharedStrings.xml");
    CHECK(contains(strings, "Cụm công nghiệp làng nghề Hữu Bằng"));
    const std::string sheet = unzipEntry(xlsx.body, "xl/worksheets/sheet1.xml");
    CHECK(contains(sheet, "<v>30.6</v>")); // a number, not text
    parseXml(sheet);
    const auto tenants = httpGet(running.port(), "/exports/tenants.xlsx");
    CHECK(contains(unzipEntry(tenants.body, "xl/sharedStrings.xml"), "Mã số thuế"));
}

TEST_CASE("the Atom feed of delays is well-formed with one entry per delay", "[net][exports]")
{
    RunningServer running;
    running.runDelayScan();
    const auto feed = httpGet(running.port(), "/delays.atom");
    REQUIRE(feed.status == 200);
    CHECK(feed.contentType == "application/atom+xml; charset=utf-8");
    const auto document = parseXml(feed.body);
    CHECK(document->documentElement()->namespaceURI() == "http://www.w3.org/2005/Atom");
    Poco::AutoPtr<Poco::XML::NodeList> entries = document->getElementsByTagName("entry");
    const auto total = httpGet(running.port(), "/api/v1/delays").json()->getValue<int>("total");
    CHECK(static_cast<int>(entries->length()) == total);
    // Every link is absolute; the English feed links to English pages and to itself.
    Poco::AutoPtr<Poco::XML::NodeList> links = document->getElementsByTagName("link");
    REQUIRE(links->length() == entries->length() + 2);
    for (unsigned long i = 0; i < links->length(); ++i)
    {
        const auto* element = static_cast<Poco::XML::Element*>(links->item(i));
        CHECK(element->getAttribute("href").rfind("http://127.0.0.1:8080/", 0) == 0);
    }
    const auto english = parseXml(httpGet(running.port(), "/delays.atom?lang=en").body);
    Poco::AutoPtr<Poco::XML::NodeList> englishLinks = english->getElementsByTagName("link");
    bool selfKeepsLanguage = false;
    for (unsigned long i = 0; i < englishLinks->length(); ++i)
    {
        const auto* element = static_cast<Poco::XML::Element*>(englishLinks->item(i));
        CHECK(element->getAttribute("href").find("lang=en") != std::string::npos);
        selfKeepsLanguage |=
            element->getAttribute("rel") == "self" &&
            element->getAttribute("href") == "http://127.0.0.1:8080/delays.atom?lang=en";
    }
    CHECK(selfKeepsLanguage);
    // The pages' own download and feed links name the page's language, never an empty one.
    for (const std::string language : {"vi", "en"})
    {
        const auto dashboard = httpGet(running.port(), "/?lang=" + language).body;
        CHECK(contains(dashboard, "/exports/clusters.csv?lang=" + language + "\""));
        CHECK(contains(dashboard, "/delays.atom?lang=" + language + "\""));
        CHECK_FALSE(contains(dashboard, "?lang=\""));
        CHECK_FALSE(contains(httpGet(running.port(), "/delays?lang=" + language).body, "?lang=\""));
    }
}

TEST_CASE("hostile names stay inert in maps, charts, downloads and feeds", "[net][security]")
{
    RunningServer running;
    insertHostileCluster(running);
    for (const std::string path : {"/map", "/delays", "/districts/img-src-x-onerror-alert-2",
                                   "/clusters/xss", "/delays.atom"})
    {
        const auto page = httpGet(running.port(), path);
        CHECK(page.status == 200);
        CHECK_FALSE(contains(page.body, "<script>alert(1)</script>"));
        CHECK_FALSE(contains(page.body, "<img src=x"));
        for (const auto& svg : inlineSvgs(page.body))
            CHECK_NOTHROW(parseXml(svg));
    }
    const auto csv = httpGet(running.port(), "/exports/clusters.csv");
    CHECK(contains(csv.body, "\"<script>alert(1)</script>\"")); // data, quoted, in a download
}

TEST_CASE("parameters a route does not read make no cache entries", "[net][cache][security]")
{
    RunningServer running;
    const auto first = httpGet(running.port(), "/api/v1/oc4ids.json");
    REQUIRE(first.status == 200);
    const auto before = running.server->cache().stats();
    for (int i = 0; i < 200; ++i)
    {
        REQUIRE(httpGet(running.port(), "/api/v1/oc4ids.json?cb=" + std::to_string(i)).status ==
                200);
        REQUIRE(httpGet(running.port(), "/map?cb=" + std::to_string(i)).status == 200);
    }
    const auto after = running.server->cache().stats();
    CHECK(after.entries <= before.entries + 1); // the one /map entry
    CHECK(after.hits >= before.hits + 399);
    // What a route does read still tells answers apart.
    const auto a = httpGet(running.port(), "/api/v1/clusters?q=huu+bang").json();
    const auto b = httpGet(running.port(), "/api/v1/clusters?q=dai+yen").json();
    const bool differ = a->getValue<int>("total") != b->getValue<int>("total") ||
                        a->getArray("clusters")->getObject(0)->getValue<std::string>("code") !=
                            b->getArray("clusters")->getObject(0)->getValue<std::string>("code");
    CHECK(differ);
}

TEST_CASE("a tenant that looks like a formula stays text in the CSV", "[net][exports][security]")
{
    RunningServer running;
    running.storage.database().withSession(
        [](soci::session& session)
        {
            long long cluster = 0;
            session << "SELECT id FROM clusters WHERE code = 'huu-bang'", soci::into(cluster);
            for (const std::string name : {"=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1",
                                           "-2+3", "@SUM(A1)", "\tTAB", "\rCR"})
                session << "INSERT INTO tenants (cluster_id, company_name, tax_code, sector, "
                           "supporting_industry, leased_area_m2, registered_capital_vnd, jobs, "
                           "status, provenance) VALUES (:c, :n, '0100109106', '', 0, 52900, 0, 0, "
                           "'operating', 'sourced')",
                    soci::use(cluster), soci::use(name);
        });
    running.server->invalidateCache();
    const auto csv = httpGet(running.port(), "/exports/tenants.csv");
    REQUIRE(csv.status == 200);
    CHECK(contains(csv.body, "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""));
    CHECK_FALSE(contains(csv.body, ",\"=HYPERLINK"));
    for (const char* cell : {"\"'+1+1\"", "\"'-2+3\"", "\"'@SUM(A1)\"", "\"'\tTAB\"", "\"'\rCR\""})
    {
        INFO(cell);
        CHECK(contains(csv.body, cell));
    }
    // 52,900 m² is 5.29 ha: every digit kept, not 5.3.
    CHECK(contains(csv.body, ",5.29,"));
}

TEST_CASE("the API pages and filters lists and answers 304 for a held ETag", "[net][api]")
{
    RunningServer running;
    const auto page = httpGet(running.port(), "/api/v1/clusters?per_page=10&page=5").json();
    CHECK(page->getValue<int>("total") == 47);
    CHECK(page->getValue<int>("pages") == 5);
    CHECK(page->getValue<int>("page") == 5);
    CHECK(page->getArray("clusters")->size() == 7);
    const auto found = httpGet(running.port(), "/api/v1/clusters?q=huu+bang").json();
    CHECK(found->getValue<int>("total") == 1);
    // Values a list cannot read answer 400, naming the parameter and what it takes.
    for (const std::string query :
         {"per_page=100000", "per_page=0", "per_page=abc", "per_page=-5", "page=0", "page=-1",
          "page=abc", "status=bogus", "behind=yes", "sort=size", "commune=99999", "commune=xa"})
    {
        INFO(query);
        const auto refused = httpGet(running.port(), "/api/v1/clusters?" + query);
        CHECK(refused.status == 400);
        const auto body = refused.json();
        CHECK(body->getValue<std::string>("parameter") == query.substr(0, query.find('=')));
        CHECK_FALSE(body->getValue<std::string>("allowed").empty());
        CHECK(body->getObject("error")->getValue<std::string>("code") == "bad_parameter");
    }
    CHECK(httpGet(running.port(), "/api/v1/delays?state=bogus")
              .json()
              ->getValue<std::string>("allowed") == "open, resolved or all");
    CHECK(httpGet(running.port(), "/exports/clusters.csv?lang=xx").status == 400);
    CHECK(httpGet(running.port(), "/api/v1/clusters?per_page=200").status == 200);

    const auto districts = httpGet(running.port(), "/api/v1/districts").json();
    const auto list = districts->getArray("districts");
    int clusters = 0;
    for (unsigned i = 0; i < list->size(); ++i)
        clusters += list->getObject(i)->getValue<int>("cluster_count");
    CHECK(clusters == 47);
    const auto thachThat = httpGet(running.port(), "/api/v1/districts/thach-that").json();
    CHECK(thachThat->getValue<std::string>("name") == "Thạch Thất");
    CHECK(thachThat->getArray("clusters")->size() == 5);
    CHECK(httpGet(running.port(), "/api/v1/districts/khong-co").status == 404);

    const auto portfolio = httpGet(running.port(), "/api/v1/portfolio").json();
    CHECK(portfolio->getObject("sum_of_records")->getValue<int>("cluster_count") == 47);

    running.runDelayScan();
    const auto delays = httpGet(running.port(), "/api/v1/delays?per_page=3&page=2").json();
    CHECK(delays->getArray("delays")->size() <= 3);
    CHECK(delays->getValue<int>("page") == 2);

    for (const std::string path :
         {"/api/v1/clusters", "/api/v1/delays", "/api/v1/oc4ids.json", "/exports/clusters.xlsx"})
    {
        const auto first = httpGet(running.port(), path);
        REQUIRE_FALSE(first.etag.empty());
        CHECK(httpRequest(running.port(), "GET", path, {{"If-None-Match", first.etag}}).status ==
              304);
    }
}

TEST_CASE("the OpenAPI document describes every public API route", "[net][api]")
{
    RunningServer running;
    const auto document = httpGet(running.port(), "/api/v1/openapi.json").json();
    CHECK(document->getValue<std::string>("openapi").rfind("3.", 0) == 0);
    const auto paths = document->getObject("paths");
    for (const std::string path :
         {"/api/v1/clusters", "/api/v1/clusters/{code}", "/api/v1/districts",
          "/api/v1/districts/{slug}", "/api/v1/portfolio", "/api/v1/delays", "/api/v1/oc4ids.json",
          "/healthz", "/exports/clusters.csv", "/delays.atom", "/api/v1/communes", "/api/v1/land",
          "/api/v1/statutory-reports/{form}/{unit}/{period}"})
        CHECK(paths->has(path));
    // And every write, with the token it needs.
    for (const auto& [path, method] : std::vector<std::pair<std::string, std::string>>{
             {"/api/v1/clusters/{code}/reports", "post"},
             {"/api/v1/clusters/{code}", "patch"},
             {"/api/v1/clusters/{code}/tenants", "post"},
             {"/api/v1/tenants/{id}", "patch"},
             {"/api/v1/clusters/{code}/baselines", "post"},
             {"/api/v1/delays/{id}/acknowledge", "post"},
             {"/api/v1/statutory-reports/{form}/{unit}/{period}", "post"}})
    {
        INFO(method << " " << path);
        REQUIRE(paths->has(path));
        const auto operation = paths->getObject(path)->getObject(method);
        REQUIRE(operation);
        CHECK(operation->has("security"));
        CHECK(operation->getObject("responses")->has("422"));
    }
    CHECK(document->getObject("components")->getObject("securitySchemes")->has("bearer"));
}

TEST_CASE("the delay page shows a hundred open flags a page, with links between the pages",
          "[net][pages][delays]")
{
    RunningServer running;
    // Four findings for every cluster: more open flags than one page holds.
    std::map<std::int64_t, std::vector<tracker::DelayFinding>> findings;
    std::size_t raised = 0;
    for (const auto& summary : tracker::persistence::ClusterRepository(running.storage.database())
                                   .listSummaries(tracker::Date{2026, 11, 27}))
        for (int i = 0; i < 4; ++i)
        {
            tracker::DelayFinding finding;
            finding.rule = tracker::DelayRuleKind::OverdueWorkItem;
            finding.subject = "item:" + std::to_string(i);
            finding.measure = "overdue";
            findings[summary.cluster.id].push_back(finding);
            ++raised;
        }
    tracker::persistence::DelayFlagRepository(running.storage.database())
        .applyScan(findings, tracker::Date{2026, 11, 27});
    REQUIRE(raised > 100);
    const auto rows = [](const std::string& body)
    { return occurrences(body, "<tr><th scope=\"row\">"); };
    const auto pages = (raised + 99) / 100;
    const auto first = httpGet(running.port(), "/delays");
    REQUIRE(first.status == 200);
    CHECK(rows(first.body) == 100);
    CHECK(contains(first.body, "Trang 1/" + std::to_string(pages)));
    CHECK(contains(first.body, "href=\"/delays?page=2\" rel=\"next\""));
    CHECK(contains(first.body, std::to_string(raised) + " · ")); // the count is of all of them
    const auto last = httpGet(running.port(), "/delays?page=" + std::to_string(pages));
    CHECK(rows(last.body) == raised - (pages - 1) * 100);
    CHECK(contains(last.body, "rel=\"prev\""));
    CHECK_FALSE(contains(last.body, "rel=\"next\""));
    CHECK(httpGet(running.port(), "/delays?page=0").status == 400);
    CHECK(httpGet(running.port(), "/delays?page=hai").status == 400);
    // The feed carries the hundred newest; /delays has the rest.
    const auto feed = parseXml(httpGet(running.port(), "/delays.atom").body);
    Poco::AutoPtr<Poco::XML::NodeList> entries = feed->getElementsByTagName("entry");
    CHECK(entries->length() == 100);
}

// At national scale /land and /api/v1/land were every matching cluster at once (1.4 MB and
// 517 KB, 55-80 ms a render): both now come a page at a time, and the pages add up to
// the whole list.
TEST_CASE("land on offer comes a page at a time, on the page and in the API", "[net][api][land]")
{
    RunningServer running;
    const auto whole = httpGet(running.port(), "/api/v1/land?per_page=200").json();
    const int total = whole->getValue<int>("total");
    REQUIRE(total == 47);
    std::vector<std::string> paged;
    for (int page = 1; page <= 5; ++page)
    {
        const auto one =
            httpGet(running.port(), "/api/v1/land?per_page=10&page=" + std::to_string(page)).json();
        CHECK(one->getValue<int>("total") == total);
        CHECK(one->getValue<int>("pages") == 5);
        CHECK(one->getValue<int>("per_page") == 10);
        const auto list = one->getArray("clusters");
        CHECK(list->size() == (page < 5 ? 10u : 7u));
        for (unsigned i = 0; i < list->size(); ++i)
            paged.push_back(list->getObject(i)->getValue<std::string>("code"));
    }
    const auto all = whole->getArray("clusters");
    REQUIRE(paged.size() == all->size());
    for (unsigned i = 0; i < all->size(); ++i)
        CHECK(paged[i] == all->getObject(i)->getValue<std::string>("code"));
    CHECK(httpGet(running.port(), "/api/v1/land").json()->getArray("clusters")->size() == 47);
    CHECK(
        httpGet(running.port(), "/api/v1/land?per_page=10&page=99").json()->getValue<int>("page") ==
        5);
    for (const std::string bad : {"per_page=0", "per_page=201", "page=0", "page=hai"})
    {
        INFO(bad);
        CHECK(httpGet(running.port(), "/api/v1/land?" + bad).status == 400);
    }
    CHECK(httpGet(running.port(), "/land?page=0").status == 400);
    CHECK(httpGet(running.port(), "/land?page=hai").status == 400);

    // Past 50 clusters the page has a second page, and its links keep the search.
    running.storage.database().withSession(
        [](soci::session& session)
        {
            for (int i = 0; i < 10; ++i)
            {
                tracker::Cluster cluster;
                cluster.code = "them-" + std::to_string(i);
                cluster.nameVi = "Cụm công nghiệp thêm " + std::to_string(i);
                cluster.district = "Thạch Thất";
                tracker::persistence::insertCluster(session, cluster);
            }
        });
    running.server->invalidateCache();
    const auto first = httpGet(running.port(), "/land");
    REQUIRE(first.status == 200);
    const auto cards = [](const std::string& body)
    { return occurrences(body, "<li class=\"card\">"); };
    CHECK(cards(first.body) == 50);
    CHECK(contains(first.body, "57 kết quả"));
    CHECK(contains(first.body, "Trang 1/2"));
    CHECK(contains(first.body, "href=\"/land?page=2\" rel=\"next\""));
    const auto second = httpGet(running.port(), "/land?page=2");
    CHECK(cards(second.body) == 7);
    CHECK(contains(second.body, "href=\"/land?page=1\" rel=\"prev\""));
    CHECK_FALSE(contains(second.body, "rel=\"next\""));
    const auto district = httpGet(running.port(), "/land?district=Th%E1%BA%A1ch+Th%E1%BA%A5t");
    CHECK_FALSE(contains(district.body, "rel=\"next\"")); // 15 clusters: one page
    CHECK(httpGet(running.port(), "/api/v1/land").json()->getValue<int>("pages") == 2);
}
