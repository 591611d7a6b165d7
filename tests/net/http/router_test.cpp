#include "net/http/router.h"

#include <catch2/catch.hpp>

using tracker::net::RouteMatch;
using tracker::net::Router;

TEST_CASE("route patterns capture named segments and nothing more", "[net][router]")
{
    RouteMatch match;
    REQUIRE(Router::matches("/api/v1/clusters/{code}", "/api/v1/clusters/huu-bang", match));
    CHECK(match.parameters.at("code") == "huu-bang");
    CHECK_FALSE(Router::matches("/api/v1/clusters/{code}", "/api/v1/clusters/", match));
    CHECK_FALSE(Router::matches("/api/v1/clusters/{code}", "/api/v1/clusters/a/b", match));
    CHECK_FALSE(Router::matches("/api/v1/clusters", "/api/v1/clusters/x", match));
    CHECK(Router::matches("/healthz", "/healthz", match));
}
