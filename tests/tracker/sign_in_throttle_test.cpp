#include "tracker/sign_in_throttle.h"

#include <catch2/catch.hpp>

using namespace tracker;

TEST_CASE("sign-in delays grow with each failure past the free ones, up to a cap",
          "[tracker][auth]")
{
    const long long now = 1000;
    CHECK(throttleWait({4, now}, 5, 900, now) == 0); // four failures: a fifth try is free
    CHECK(throttleWait({5, now}, 5, 900, now) == 1);
    CHECK(throttleWait({6, now}, 5, 900, now) == 2);
    CHECK(throttleWait({8, now}, 5, 900, now) == 8);
    CHECK(throttleWait({40, now}, 5, 900, now) == 900); // capped
    // The wait counts from the latest failure: once it has passed, the next try is checked.
    CHECK(throttleWait({6, now - 1}, 5, 900, now) == 1);
    CHECK(throttleWait({6, now - 2}, 5, 900, now) == 0);
    CHECK(throttleWait({6, now - 100}, 5, 900, now) == 0);
}
