// Issue 11, item 8: one number for "days late" and one set for "behind schedule", whichever
// page, answer, feed or email shows them.
#include "support/http_client.h"
#include "support/running_server.h"

#include <Poco/JSON/Array.h>
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>

using tracker::testing::httpGet;
using tracker::testing::RunningServer;

namespace
{
Poco::JSON::Array::Ptr openDelays(const RunningServer& running)
{
    return httpGet(running.port(), "/api/v1/delays?state=open&per_page=200")
        .json()
        ->getArray("delays");
}

std::string rule(const Poco::JSON::Object::Ptr& flag)
{
    return flag->getObject("rule")->getValue<std::string>("code");
}
} // namespace

TEST_CASE("a flag's days late are the number its measure quotes, or none", "[net][api][delays]")
{
    RunningServer running;
    running.runDelayScan();
    const auto delays = openDelays(running);
    REQUIRE(delays->size() > 10);
    const std::regex late("(\\d+) days late"),
        stale("(\\d+) days since the last report \\(limit (\\d+)\\)");
    std::set<std::string> checked;
    for (std::size_t i = 0; i < delays->size(); ++i)
    {
        const auto flag = delays->getObject(static_cast<unsigned>(i));
        const auto measure = flag->getValue<std::string>("measure");
        const auto days = flag->get("days_late");
        std::smatch found;
        INFO(rule(flag) << ": " << measure);
        if (std::regex_search(measure, found, late))
            CHECK(days.convert<long>() == std::stol(found[1]));
        else if (std::regex_search(measure, found, stale))
            CHECK(days.convert<long>() == std::stol(found[1]) - std::stol(found[2]));
        else if (rule(flag) == "behind_schedule" || rule(flag) == "slow_disbursement")
            CHECK(days.isEmpty());
        else
            continue;
        checked.insert(rule(flag));
    }
    // The two that disagreed before: "…149 days late" with days_late 0, and 140 against 139.
    CHECK(checked.count("forecast_late") == 1);
    CHECK(checked.count("overdue_work_item") == 1);
    const auto page = httpGet(running.port(), "/delays?lang=en").body;
    const auto first = delays->getObject(0);
    if (!first->get("days_late").isEmpty())
        CHECK(page.find(">" + std::to_string(first->getValue<long>("days_late")) + "<") !=
              std::string::npos);
}

TEST_CASE("behind schedule is the same clusters on the overview, the lists, districts and the "
          "flags",
          "[net][api][delays]")
{
    RunningServer running;
    running.runDelayScan();
    std::set<std::string> flagged; // the scan's two schedule rules, at the same date
    const auto delays = openDelays(running);
    for (std::size_t i = 0; i < delays->size(); ++i)
    {
        const auto flag = delays->getObject(static_cast<unsigned>(i));
        if (rule(flag) == "overdue_work_item" || rule(flag) == "behind_schedule")
            flagged.insert(flag->getValue<std::string>("cluster_code"));
    }
    REQUIRE(!flagged.empty());
    std::set<std::string> listed;
    const auto list = httpGet(running.port(), "/api/v1/clusters?behind=1&per_page=200").json();
    const auto clusters = list->getArray("clusters");
    for (std::size_t i = 0; i < clusters->size(); ++i)
        listed.insert(clusters->getObject(static_cast<unsigned>(i))->getValue<std::string>("code"));
    CHECK(listed == flagged);
    const auto portfolio = httpGet(running.port(), "/api/v1/portfolio").json();
    CHECK(portfolio->getValue<std::size_t>("behind_count") == flagged.size());
    std::size_t inDistricts = 0;
    const auto districts =
        httpGet(running.port(), "/api/v1/districts").json()->getArray("districts");
    for (std::size_t i = 0; i < districts->size(); ++i)
        inDistricts +=
            districts->getObject(static_cast<unsigned>(i))->getValue<std::size_t>("behind_count");
    CHECK(inDistricts == flagged.size());
    const auto overview = httpGet(running.port(), "/").body;
    CHECK(overview.find("sort=gap\">" + std::to_string(flagged.size()) + "</a>") !=
          std::string::npos);
}
