#include "support/http_client.h"
#include "support/running_server.h"

#include <Poco/JSON/Array.h>
#include <catch2/catch.hpp>

using namespace tracker;
using tracker::testing::httpGet;
using tracker::testing::httpRequest;
using tracker::testing::RunningServer;

namespace
{
Poco::JSON::Object::Ptr findCluster(const Poco::JSON::Array::Ptr& clusters, const std::string& code)
{
    for (std::size_t i = 0; i < clusters->size(); ++i)
    {
        auto cluster = clusters->getObject(static_cast<unsigned>(i));
        if (cluster->getValue<std::string>("code") == code)
            return cluster;
    }
    return nullptr;
}
} // namespace

TEST_CASE("health answers 200 while the database answers", "[net][api]")
{
    RunningServer running;
    const auto result = httpGet(running.port(), "/healthz");
    CHECK(result.status == 200);
    CHECK(result.json()->getValue<std::string>("database") == "ok");
}

TEST_CASE("the cluster list serves the 47 seeded clusters with exact sourced figures", "[net][api]")
{
    RunningServer running;
    const auto result = httpGet(running.port(), "/api/v1/clusters");
    REQUIRE(result.status == 200);
    CHECK(result.contentType == "application/json; charset=utf-8");
    const auto body = result.json();
    CHECK(body->getValue<int>("total") == 47);
    const auto clusters = body->getArray("clusters");
    REQUIRE(clusters->size() == 47);

    const auto huuBang = findCluster(clusters, "huu-bang");
    REQUIRE(huuBang);
    CHECK(huuBang->getValue<std::string>("name") == "Cụm công nghiệp làng nghề Hữu Bằng");
    CHECK(huuBang->getValue<std::string>("district") == "Thạch Thất");
    CHECK(huuBang->getValue<double>("total_area_ha") == 30.6);
    CHECK(huuBang->getValue<Poco::Int64>("total_area_m2") == 306000);
    CHECK(huuBang->getValue<Poco::Int64>("planned_investment_vnd") == 1100000000000LL);
    CHECK(huuBang->getObject("provenance")->getValue<std::string>("registry") == "sourced");
    CHECK(huuBang->getObject("provenance")->getValue<std::string>("progress_and_tenants") ==
          "illustrative");
    CHECK(result.body.find("\"total_area_ha\":30.6,") != std::string::npos); // not 30.600001

    const auto dongLa = findCluster(clusters, "dong-la");
    REQUIRE(dongLa);
    CHECK(dongLa->isNull("total_area_ha"));
    CHECK(dongLa->isNull("planned_investment_vnd"));

    const auto reported = body->getObject("portfolio")->getArray("reported_totals");
    REQUIRE(reported->size() == 1);
    CHECK(reported->getObject(0)->getValue<int>("cluster_count") == 44);
    CHECK(reported->getObject(0)->getValue<double>("area_ha") == 821);
}

TEST_CASE("one cluster comes with its work items, reports and tenants", "[net][api]")
{
    RunningServer running;
    const auto result = httpGet(running.port(), "/api/v1/clusters/huu-bang");
    REQUIRE(result.status == 200);
    const auto body = result.json();
    CHECK(body->getValue<std::string>("code") == "huu-bang");
    const auto items = body->getArray("work_items");
    REQUIRE(items->size() == 9);
    CHECK(items->getObject(0)->getValue<Poco::Int64>("id") > 0);
    CHECK(items->getObject(0)->getObject("kind")->getValue<std::string>("label_vi") ==
          "Giải phóng mặt bằng");
    CHECK(body->getArray("latest_reports")->size() > 0);
    CHECK(body->has("tenants"));
}

TEST_CASE("unknown clusters and routes get real 404s, wrong methods 405", "[net][api]")
{
    RunningServer running;
    const auto missing = httpGet(running.port(), "/api/v1/clusters/khong-co");
    CHECK(missing.status == 404);
    CHECK(missing.json()->getObject("error")->getValue<std::string>("code") == "cluster_not_found");
    CHECK(httpGet(running.port(), "/no/such/page").status == 404); // not Poco's 501
    const auto post = httpRequest(running.port(), "POST", "/api/v1/clusters");
    CHECK(post.status == 405);
    CHECK(post.allow == "GET");
    CHECK(httpRequest(running.port(), "HEAD", "/healthz").status == 200);
}

TEST_CASE("hostile codes in the URL are answered, not executed", "[net][api]")
{
    RunningServer running;
    const auto result = httpGet(running.port(), "/api/v1/clusters/x'%20OR%20'1'='1");
    CHECK(result.status == 404);
    CHECK(result.json()->getObject("error")->getValue<std::string>("message").find(
              "x' OR '1'='1") != std::string::npos);
}

TEST_CASE("with seeding off the tracker starts empty", "[net][api]")
{
    RunningServer running("none");
    const auto result = httpGet(running.port(), "/api/v1/clusters");
    REQUIRE(result.status == 200);
    CHECK(result.json()->getValue<int>("total") == 0);
}
