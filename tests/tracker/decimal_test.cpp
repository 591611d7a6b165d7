#include "tracker/decimal.h"

#include <catch2/catch.hpp>

using tracker::formatScaledDecimal;
using tracker::parseScaledDecimal;

TEST_CASE("published hectares become exact square metres", "[tracker][decimal]")
{
    CHECK(parseScaledDecimal("30.6", 4) == 306000);
    CHECK(parseScaledDecimal("9.885", 4) == 98850);
    CHECK(parseScaledDecimal("56.40", 4) == 564000);
    CHECK(parseScaledDecimal("8,522", 4) == 85220); // Vietnamese decimal comma
    CHECK(parseScaledDecimal("50", 4) == 500000);
}

TEST_CASE("billions of VND become exact VND", "[tracker][decimal]")
{
    CHECK(parseScaledDecimal("326.243", 9) == 326243000000LL);
    CHECK(parseScaledDecimal("200.367", 9) == 200367000000LL);
    CHECK(parseScaledDecimal("16000", 9) == 16000000000000LL);
}

TEST_CASE("text that cannot be held exactly is refused", "[tracker][decimal]")
{
    CHECK_FALSE(parseScaledDecimal("1.23456", 4)); // a fifth decimal would be rounded
    CHECK_FALSE(parseScaledDecimal("", 4));
    CHECK_FALSE(parseScaledDecimal(".", 4));
    CHECK_FALSE(parseScaledDecimal("-3", 4));
    CHECK_FALSE(parseScaledDecimal("1.2.3", 4));
    CHECK_FALSE(parseScaledDecimal("12 ha", 4));
    CHECK_FALSE(parseScaledDecimal("99999999999999999999", 0)); // overflow
}

TEST_CASE("scaled integers print with the locale's marks", "[tracker][decimal]")
{
    CHECK(formatScaledDecimal(306000, 4, 2, ',', ".") == "30,6");
    CHECK(formatScaledDecimal(8210000, 4, 1, ',', ".") == "821");
    CHECK(formatScaledDecimal(16000000000000LL, 9, 0, ',', ".") == "16.000");
    CHECK(formatScaledDecimal(12345678, 4, 1, '.', ",") == "1,234.6");
    CHECK(formatScaledDecimal(-98850, 4, 4, '.', "") == "-9.885");
}
