#include "support/http_client.h"
#include "support/running_server.h"

#include <catch2/catch.hpp>
#include <future>
#include <map>
#include <soci/soci.h>
#include <vector>

using tracker::testing::contains;
using tracker::testing::httpGet;
using tracker::testing::httpRequest;
using tracker::testing::RunningServer;

TEST_CASE("the pages render the seed in Vietnamese by default and English on request",
          "[net][pages]")
{
    RunningServer running;
    const auto vi = httpGet(running.port(), "/");
    REQUIRE(vi.status == 200);
    CHECK(vi.contentType == "text/html; charset=utf-8");
    CHECK(contains(vi.body, "<html lang=\"vi\">"));
    CHECK(contains(vi.body, "Tổng quan hạ tầng cụm công nghiệp"));
    CHECK(contains(vi.body, "khoảng 821 ha"));

    const auto en = httpGet(running.port(), "/?lang=en");
    REQUIRE(en.status == 200);
    CHECK(contains(en.body, "<html lang=\"en\">"));
    CHECK(contains(en.body, "Industrial-cluster infrastructure overview"));
    CHECK(contains(en.setCookie, "lang=en"));

    const auto detail = httpGet(running.port(), "/clusters/huu-bang");
    REQUIRE(detail.status == 200);
    CHECK(contains(detail.body, "Cụm công nghiệp làng nghề Hữu Bằng"));
    CHECK(contains(detail.body, "30,6 ha"));
    CHECK(contains(detail.body, "1.100 tỷ đồng"));
    CHECK(contains(detail.body, "dữ liệu minh họa"));
}

TEST_CASE("the language choice is remembered in a cookie", "[net][pages]")
{
    RunningServer running;
    const auto page = httpRequest(running.port(), "GET", "/clusters", {{"Cookie", "lang=en"}});
    CHECK(contains(page.body, "<html lang=\"en\">"));
    const auto bad = httpRequest(running.port(), "GET", "/clusters", {{"Cookie", "lang=xx"}});
    CHECK(contains(bad.body, "<html lang=\"vi\">"));
}

TEST_CASE("search ignores diacritics and case and finds only matching clusters",
          "[net][pages][search]")
{
    RunningServer running;
    for (const std::string query : {"huu+bang", "H%E1%BB%AE+B%E1%BA%B0NG", "Huu+Bang"})
    {
        const auto page = httpGet(running.port(), "/clusters?q=" + query);
        REQUIRE(page.status == 200);
        CHECK(contains(page.body, "href=\"/clusters/huu-bang\""));
        CHECK_FALSE(contains(page.body, "href=\"/clusters/tan-hoa\""));
        CHECK(contains(page.body, "1 kết quả"));
    }
    const auto district = httpGet(running.port(), "/clusters?q=dong+anh");
    CHECK(contains(district.body, "href=\"/clusters/thuy-lam\"")); // Đông Anh: d matches đ
    CHECK_FALSE(contains(district.body, "href=\"/clusters/huu-bang\""));
    const auto none = httpGet(running.port(), "/clusters?q=zzzz");
    CHECK(contains(none.body, "Không có cụm nào phù hợp."));
}

TEST_CASE("the list filters by district, status and delay", "[net][pages]")
{
    RunningServer running;
    const auto phucTho = httpGet(running.port(), "/clusters?district=Ph%C3%BAc+Th%E1%BB%8D");
    CHECK(contains(phucTho.body, "href=\"/clusters/tam-hiep\""));
    CHECK_FALSE(contains(phucTho.body, "href=\"/clusters/huu-bang\""));
    const auto behind = httpGet(running.port(), "/clusters?behind=1");
    CHECK(contains(behind.body, "class=\"behind\""));
    CHECK_FALSE(contains(behind.body, "status-completion\""));
    // A value the list cannot read is a 400 that says which parameter and what it takes.
    const auto bad =
        httpRequest(running.port(), "GET", "/clusters?page=abc", {{"Accept", "text/html"}});
    CHECK(bad.status == 400);
    CHECK(contains(bad.body, "“page”: a whole number from 1"));
    const auto hostile = httpRequest(running.port(), "GET", "/clusters?sort=%3Cscript%3E",
                                     {{"Accept", "text/html"}});
    CHECK(hostile.status == 400);
    CHECK_FALSE(contains(hostile.body, "<script>"));
    CHECK(httpGet(running.port(), "/clusters?lang=xx").status == 400);
    CHECK(httpGet(running.port(), "/clusters?status=").status == 200); // empty: the default
}

TEST_CASE("hostile text is escaped on every page", "[net][pages][security]")
{
    RunningServer running;
    running.storage.database().withSession(
        [](soci::session& session)
        {
            session << "INSERT INTO clusters (code, name_vi, district, commune, status, "
                       "provenance) VALUES ('xss', '<script>alert(1)</script>', "
                       "'\"><img src=x onerror=alert(2)>', '&amp;', 'preparation', 'sourced')";
        });
    running.server->invalidateCache();
    for (const std::string path : {"/", "/clusters", "/clusters/xss", "/clusters?q=%3Cscript%3E"})
    {
        const auto page = httpGet(running.port(), path);
        CHECK_FALSE(contains(page.body, "<script>alert(1)</script>"));
        CHECK_FALSE(contains(page.body, "<img src=x"));
    }
    CHECK(contains(httpGet(running.port(), "/clusters/xss").body,
                   "&lt;script&gt;alert(1)&lt;/script&gt;"));
}

TEST_CASE("pages carry an ETag and answer 304 when it still holds", "[net][pages][cache]")
{
    RunningServer running;
    const auto first = httpGet(running.port(), "/clusters");
    REQUIRE(first.status == 200);
    REQUIRE_FALSE(first.etag.empty());
    const auto again =
        httpRequest(running.port(), "GET", "/clusters", {{"If-None-Match", first.etag}});
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    running.server->invalidateCache(); // what every write will do
    const auto after =
        httpRequest(running.port(), "GET", "/clusters", {{"If-None-Match", first.etag}});
    CHECK(after.status == 200);
    CHECK(after.etag != first.etag);
}

TEST_CASE("an unknown cluster page is a 404 page in the reader's language", "[net][pages]")
{
    RunningServer running;
    const auto page = httpGet(running.port(), "/clusters/khong-co?lang=en");
    CHECK(page.status == 404);
    CHECK(contains(page.body, "There is no such page or cluster."));
}

TEST_CASE("a browser asking for an unknown page gets an HTML 404, the API keeps JSON",
          "[net][pages]")
{
    RunningServer running;
    const auto page = httpGet(running.port(), "/khong-co-trang-nay");
    CHECK(page.status == 404);
    CHECK(page.contentType == "text/html; charset=utf-8");
    CHECK(contains(page.body, "Không có trang hoặc cụm công nghiệp này."));
    const auto api = httpGet(running.port(), "/api/v1/khong-co");
    CHECK(api.status == 404);
    CHECK(api.contentType == "application/json; charset=utf-8");
}

TEST_CASE("a browser gets a 405 page in its language, an API client the JSON error",
          "[net][pages][errors]")
{
    RunningServer running;
    const std::map<std::string, std::string> browser{{"Accept", "text/html,*/*;q=0.8"}};
    const auto vi = httpRequest(running.port(), "DELETE", "/clusters", browser);
    CHECK(vi.status == 405);
    CHECK(vi.allow == "GET");
    CHECK(vi.contentType == "text/html; charset=utf-8");
    CHECK(contains(vi.body, "Thao tác không được hỗ trợ"));
    CHECK(contains(vi.body, "<html"));
    const auto en = httpRequest(running.port(), "DELETE", "/clusters?lang=en", browser);
    CHECK(en.status == 405);
    CHECK(contains(en.body, "Method not allowed"));
    const auto client = httpRequest(running.port(), "DELETE", "/clusters");
    CHECK(client.status == 405);
    CHECK(client.contentType == "application/json; charset=utf-8");
    CHECK(client.json()->getObject("error")->getValue<std::string>("code") == "method_not_allowed");
    // Under /api/ a browser too gets JSON: the API's answers are for programs.
    const auto api = httpRequest(running.port(), "DELETE", "/api/v1/clusters", browser);
    CHECK(api.status == 405);
    CHECK(api.contentType == "application/json; charset=utf-8");
    const auto unknown = httpRequest(running.port(), "GET", "/api/v1/khong-co", browser);
    CHECK(unknown.status == 404);
    CHECK(unknown.contentType == "application/json; charset=utf-8");
}

TEST_CASE("the 404 page's language link never points off the site", "[net][pages][security]")
{
    RunningServer running;
    for (const std::string path : {"//evil.example/", "/%5Cevil.example/", "/%09/evil.example/",
                                   "/%2F%2Fevil.example/", "/\\evil.example"})
    {
        INFO(path);
        const auto page = httpGet(running.port(), path);
        CHECK(page.status == 404);
        CHECK_FALSE(contains(page.body, "evil.example"));
        CHECK(contains(page.body, "href=\"/?lang=en\""));
    }
    const auto plain = httpGet(running.port(), "/khong-co-trang-nay");
    CHECK(contains(plain.body, "href=\"/khong-co-trang-nay?lang=en\""));
}

TEST_CASE("concurrent misses of one page render it once", "[net][pages][cache]")
{
    RunningServer running;
    REQUIRE(httpGet(running.port(), "/clusters").status == 200);
    for (int round = 0; round < 3; ++round)
    {
        running.server->invalidateCache(); // as a write does
        const auto before = running.server->cache().stats();
        std::vector<std::future<int>> visitors;
        for (int i = 0; i < 24; ++i)
            visitors.push_back(std::async(std::launch::async, [&running]
                                          { return httpGet(running.port(), "/clusters").status; }));
        for (auto& visitor : visitors)
            CHECK(visitor.get() == 200);
        const auto after = running.server->cache().stats();
        CHECK(after.renders - before.renders == 1); // one render; the others waited for it
    }
}

TEST_CASE("every response forbids framing, inline script and sniffing", "[net][security]")
{
    RunningServer running;
    for (const std::string path :
         {"/", "/clusters/huu-bang", "/api/v1/clusters", "/nowhere", "/api/v1/nowhere"})
    {
        const auto result = httpGet(running.port(), path);
        CHECK(contains(result.csp, "frame-ancestors 'none'"));
        CHECK(contains(result.csp, "script-src 'self'"));
        CHECK(result.nosniff == "nosniff");
    }
}

// Found by tests/fuzz (fuzz_form_bodies): malformed percent-encoding ("%zz", a lone "%")
// in a query string or a form body answered 500 on every page, form and API read.
TEST_CASE("malformed percent-encoding is a 400 everywhere, never a 500", "[pages]")
{
    RunningServer running;
    const int port = running.port();
    for (const std::string path :
         {"/clusters?q=%zz", "/api/v1/clusters?q=%zz", "/land?min_ha=%", "/unsubscribe?t=%zz",
          "/admin?x=%zz", "/login?x=%zz", "/subscribe?scope=%zz", "/?lang=%e"})
    {
        INFO(path);
        CHECK(httpGet(port, path).status == 400);
    }
    CHECK(httpGet(port, "/no-such-page?lang=%zz").status == 404);
    const std::map<std::string, std::string> form{
        {"Content-Type", "application/x-www-form-urlencoded"}};
    for (const std::string path : {"/login", "/clusters/huu-bang/enquiry", "/subscribe"})
    {
        INFO(path);
        CHECK(httpRequest(port, "POST", path, form, "email=a%&password=%zz").status == 400);
    }
}

TEST_CASE("pages cite clean sources: research notes stay internal, an unsourced row says so, the "
          "reported totals cite their article, every page of illustrative data says it is",
          "[pages]")
{
    RunningServer running;
    const int port = running.port();
    const auto unsourced = httpGet(port, "/clusters/thi-tran-phung");
    REQUIRE(unsourced.status == 200);
    CHECK(contains(unsourced.body, "Chưa có nguồn công bố"));
    for (const std::string path : {"/clusters/thi-tran-phung", "/clusters/huu-bang",
                                   "/clusters/ngoc-hoi?lang=en", "/api/v1/clusters/thi-tran-phung"})
    {
        INFO(path);
        const auto page = httpGet(port, path);
        CHECK_FALSE(contains(page.body, "est_year"));
        CHECK_FALSE(contains(page.body, "URL not returned"));
        CHECK_FALSE(contains(page.body, "source_notes"));
    }
    const auto overview = httpGet(port, "/");
    CHECK(contains(overview.body, "Minh Phong"));
    CHECK(contains(overview.body, "Pháp luật &amp; Xã hội"));
    CHECK_FALSE(contains(overview.body, "chưa được tìm thấy"));
    for (const std::string path : {"/map", "/districts/thach-that", "/map?lang=en"})
    {
        INFO(path);
        const auto page = httpGet(port, path);
        CHECK((contains(page.body, "là dữ liệu minh họa, không") ||
               contains(page.body, "are illustrative, not real")));
    }
}
