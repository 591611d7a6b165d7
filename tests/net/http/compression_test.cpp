// gzip for clients that take it: pages, JSON, feeds, CSV and static files come compressed
// once per cached answer, decode to the very bytes of the plain answer, and carry their own
// ETag and Vary; a client that refuses gzip (or says nothing) gets the plain bytes.
#include "support/http_client.h"
#include "support/running_server.h"

#include <Poco/InflatingStream.h>
#include <catch2/catch.hpp>
#include <sstream>

using namespace tracker;
using namespace tracker::testing;

namespace
{
std::string gunzip(const std::string& bytes)
{
    std::istringstream in(bytes);
    Poco::InflatingInputStream inflate(in, Poco::InflatingStreamBuf::STREAM_GZIP);
    std::ostringstream out;
    out << inflate.rdbuf();
    return out.str();
}
} // namespace

TEST_CASE("answers are gzip-compressed for clients that accept it, to the same bytes",
          "[net][http]")
{
    RunningServer running;
    running.runDelayScan(); // so that the feed has entries to compress
    const int port = running.port();
    for (const std::string path :
         {"/", "/clusters?lang=en", "/clusters/huu-bang", "/map", "/api/v1/clusters",
          "/api/v1/oc4ids.json", "/delays.atom", "/exports/clusters.csv", "/static/site.css"})
    {
        INFO(path);
        const auto plain = httpGet(port, path);
        REQUIRE(plain.status == 200);
        CHECK(plain.contentEncoding.empty());
        CHECK(contains(plain.vary, "Accept-Encoding"));
        const auto gzipped =
            httpRequest(port, "GET", path, {{"Accept-Encoding", "gzip, deflate, br"}});
        REQUIRE(gzipped.status == 200);
        CHECK(gzipped.contentEncoding == "gzip");
        CHECK(contains(gzipped.vary, "Accept-Encoding"));
        CHECK(gzipped.body.size() < plain.body.size());
        CHECK(gunzip(gzipped.body) == plain.body);
        CHECK(gzipped.etag != plain.etag); // another representation
        CHECK(httpRequest(port, "GET", path,
                          {{"Accept-Encoding", "gzip"}, {"If-None-Match", gzipped.etag}})
                  .status == 304);
    }
    // gzip;q=0 refuses it; identity is what a client without the header gets.
    const auto refused = httpRequest(port, "GET", "/", {{"Accept-Encoding", "gzip;q=0, identity"}});
    CHECK(refused.contentEncoding.empty());
    CHECK(refused.body == httpGet(port, "/").body);
    CHECK(httpRequest(port, "GET", "/", {{"Accept-Encoding", "GZIP; q=0.5"}}).contentEncoding ==
          "gzip");
    // A small answer is not worth compressing, and one outside the cache is sent as it is.
    const auto small = httpRequest(port, "GET", "/healthz", {{"Accept-Encoding", "gzip"}});
    CHECK(small.contentEncoding.empty());
}
