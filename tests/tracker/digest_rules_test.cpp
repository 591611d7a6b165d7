#include "tracker/digest_rules.h"

#include <catch2/catch.hpp>

using namespace tracker;

namespace
{
const Date kWeek{2026, 11, 30}; // the digest of Monday 30/11 covers 24/11–30/11

DelayFlag flag(const char* cluster, const char* district, Date raised,
               std::optional<Date> resolved = std::nullopt, Severity severity = Severity::Medium)
{
    DelayFlag f;
    f.clusterCode = cluster;
    f.district = district;
    f.raisedOn = raised;
    f.resolvedOn = resolved;
    f.severity = severity;
    return f;
}

Subscription following(const char* kind, const char* value = "")
{
    Subscription s;
    s.scopeKind = kind;
    s.scopeValue = value;
    return s;
}
} // namespace

TEST_CASE("a digest covers the seven days that end on its date", "[tracker][digest]")
{
    const std::vector<DelayFlag> flags{
        flag("a", "Thạch Thất", {2026, 11, 24}),                    // raised on the first day
        flag("b", "Thạch Thất", {2026, 11, 23}),                    // raised the day before
        flag("c", "Thạch Thất", {2026, 11, 1}, Date{2026, 11, 30}), // resolved on the last day
        flag("d", "Thạch Thất", {2026, 11, 1}, Date{2026, 11, 23}), // resolved before the week
        flag("e", "Thạch Thất", {2026, 12, 1}),                     // raised after the week
    };
    const auto sections = digestSections(following("all"), flags, kWeek);
    REQUIRE(sections.raised.size() == 1);
    CHECK(sections.raised[0].clusterCode == "a");
    REQUIRE(sections.still.size() == 1);
    CHECK(sections.still[0].clusterCode == "b");
    REQUIRE(sections.resolved.size() == 1);
    CHECK(sections.resolved[0].clusterCode == "c");
}

TEST_CASE("a subscriber hears only of the district or cluster they follow", "[tracker][digest]")
{
    const std::vector<DelayFlag> flags{flag("huu-bang", "Thạch Thất", {2026, 11, 25}),
                                       flag("cau-bau", "Ứng Hòa", {2026, 11, 25})};
    SECTION("a district, by its Vietnamese name")
    {
        const auto s = digestSections(following("district", "Ứng Hòa"), flags, kWeek);
        REQUIRE(s.raised.size() == 1);
        CHECK(s.raised[0].clusterCode == "cau-bau");
    }
    SECTION("one cluster, by its code")
    {
        const auto s = digestSections(following("cluster", "huu-bang"), flags, kWeek);
        REQUIRE(s.raised.size() == 1);
        CHECK(s.raised[0].clusterCode == "huu-bang");
    }
    SECTION("a district written without its diacritics matches nothing")
    {
        CHECK(digestSections(following("district", "Ung Hoa"), flags, kWeek).empty());
    }
    SECTION("all")
    {
        CHECK(digestSections(following("all"), flags, kWeek).raised.size() == 2);
    }
}

TEST_CASE("nothing in scope this week means no email at all", "[tracker][digest]")
{
    const std::vector<DelayFlag> flags{flag("a", "Sóc Sơn", {2026, 11, 1}, Date{2026, 11, 2})};
    CHECK(digestSections(following("all"), flags, kWeek).empty());
    CHECK(digestSections(following("all"), {}, kWeek).empty());
    CHECK_FALSE(digestSections(following("all"), {flag("a", "Sóc Sơn", {2026, 11, 1})}, kWeek)
                    .empty()); // still open: still worth saying
}

TEST_CASE("each section lists the most severe first, at most thirty", "[tracker][digest]")
{
    std::vector<DelayFlag> flags;
    for (int i = 0; i < 40; ++i)
        flags.push_back(flag(i == 35 ? "worst" : "x", "", {2026, 11, 25}, std::nullopt,
                             i == 35 ? Severity::High : Severity::Low));
    const auto listed = digestListing(flags);
    REQUIRE(listed.size() == kDigestListed);
    CHECK(listed.front().clusterCode == "worst");
    CHECK(unlistedCount(flags.size()) == 10);
    CHECK(unlistedCount(kDigestListed) == 0);
}

TEST_CASE("the email is in English only when the subscriber chose it", "[tracker][digest]")
{
    Subscription s;
    CHECK_FALSE(writesInEnglish(s));
    s.language = "en";
    CHECK(writesInEnglish(s));
    s.language = "fr";
    CHECK_FALSE(writesInEnglish(s));
}
