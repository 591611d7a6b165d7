// What a person may ask for when making an API token.
#include "tracker/api_token.h"

#include <catch2/catch.hpp>

using namespace tracker;

namespace
{
std::string firstError(const std::variant<TokenRequest, FieldErrors>& checked)
{
    const auto* errors = std::get_if<FieldErrors>(&checked);
    return errors && !errors->empty() ? errors->front().field + ": " + errors->front().en : "";
}
} // namespace

TEST_CASE("a token request needs a name and 1 to 3650 days, 90 by default", "[tokens]")
{
    const long long now = 1'800'000'000;
    const auto plain = validateTokenRequest("Excel của phòng Kinh tế", "", now, std::nullopt);
    REQUIRE(std::holds_alternative<TokenRequest>(plain));
    CHECK(std::get<TokenRequest>(plain).days == 90);
    CHECK(std::get<TokenRequest>(plain).name == "Excel của phòng Kinh tế");
    CHECK(std::get<TokenRequest>(validateTokenRequest("x", "3.650", now, std::nullopt)).days ==
          3650);
    CHECK(firstError(validateTokenRequest("", "30", now, std::nullopt)) == "name: Required.");
    CHECK(firstError(validateTokenRequest("x", "0", now, std::nullopt)).rfind("days:", 0) == 0);
    CHECK(firstError(validateTokenRequest("x", "3651", now, std::nullopt)).rfind("days:", 0) == 0);
    CHECK(firstError(validateTokenRequest("x", "ba mươi", now, std::nullopt)).rfind("days:", 0) ==
          0);
    CHECK(firstError(validateTokenRequest(std::string(101, 'a'), "", now, std::nullopt))
              .rfind("name:", 0) == 0);
}

TEST_CASE("a token made with a token never outlives it", "[tokens]")
{
    const long long now = 1'800'000'000;
    const long long tenDaysLeft = now + 10 * 86400;
    CHECK(std::holds_alternative<TokenRequest>(validateTokenRequest("x", "10", now, tenDaysLeft)));
    const auto refused = validateTokenRequest("x", "11", now, tenDaysLeft);
    CHECK(firstError(refused) == "days: A new token may not outlive the token making it "
                                 "(10 days left).");
}
