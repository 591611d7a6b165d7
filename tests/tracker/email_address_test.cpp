#include "tracker/email_address.h"
#include "tracker/subscription.h"

#include <catch2/catch.hpp>

using namespace tracker;

TEST_CASE("an email address is lowercased and refused when a header could split on it",
          "[tracker][email]")
{
    CHECK(normalisedEmail("Mixed@X.org") == std::optional<std::string>("mixed@x.org"));
    CHECK(normalisedEmail("an.nguyen+ccn@so-congthuong.hanoi.gov.vn"));
    for (const char* bad :
         {"", "@x.org", "an@", "an", "an@x", "an@x.org.", "a@b@x.org", "an @x.org",
          "an@x.org\r\nBcc: evil@x.org", "an\t@x.org", "<an@x.org>", "an,bo@x.org", "an;bo@x.org",
          "an\"@x.org", "nguyễn@x.org", "an@x.org\x7f"})
    {
        INFO(bad);
        CHECK_FALSE(normalisedEmail(bad));
    }
    CHECK_FALSE(normalisedEmail(std::string(250, 'a') + "@x.org")); // over 254
    CHECK_FALSE(normalisedEmail(std::string("an\0@x.org", 9)));
}

TEST_CASE("a display name may be Vietnamese but never hold a control character", "[tracker][email]")
{
    CHECK(acceptableDisplayName("Nguyễn Văn An"));
    CHECK(acceptableDisplayName(""));
    CHECK_FALSE(acceptableDisplayName("An\r\nBcc: evil@x.org"));
    CHECK_FALSE(acceptableDisplayName("An\tB"));
    CHECK_FALSE(acceptableDisplayName(std::string("An\0B", 4)));
    CHECK_FALSE(acceptableDisplayName("\xff\xfe"));
    CHECK_FALSE(acceptableDisplayName(std::string(201, 'a')));
}

TEST_CASE("a digest scope is all, district:NAME or cluster:CODE", "[tracker][digest]")
{
    CHECK(parseDigestScope("all")->kind == "all");
    const auto district = parseDigestScope("district:Thạch Thất");
    REQUIRE(district);
    CHECK(district->kind == "district");
    CHECK(district->value == "Thạch Thất");
    CHECK(parseDigestScope("cluster:huu-bang")->value == "huu-bang");
    for (const char* bad : {"", "all:x", "district:", "cluster", "region:x", "district:\r\nx"})
    {
        INFO(bad);
        CHECK_FALSE(parseDigestScope(bad));
    }
}
