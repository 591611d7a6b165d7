#include "tracker/tax_code.h"

#include <catch2/catch.hpp>

using tracker::checkTaxCode;
using tracker::TaxCodeProblem;

TEST_CASE("known valid tax codes pass", "[tracker][mst]")
{
    for (const char* code : {"0100233488", "0100047516", "0314409058", "0312687878", "0100112437",
                             "0314409058-002", "0314409058002"})
        CHECK(checkTaxCode(code) == TaxCodeProblem::None);
}

TEST_CASE("a wrong check digit is named as such", "[tracker][mst]")
{
    CHECK(checkTaxCode("0100233480") == TaxCodeProblem::BadCheckDigit);
    CHECK(std::string(tracker::describeVi(TaxCodeProblem::BadCheckDigit)).find("kiểm tra") !=
          std::string::npos);
}

TEST_CASE("malformed tax codes are refused with the reason", "[tracker][mst]")
{
    CHECK(checkTaxCode("010023348") == TaxCodeProblem::WrongShape);
    CHECK(checkTaxCode("01002334880") == TaxCodeProblem::WrongShape);
    CHECK(checkTaxCode("01002334a8") == TaxCodeProblem::WrongShape);
    CHECK(checkTaxCode("0100233488-02") == TaxCodeProblem::WrongShape);
    CHECK(checkTaxCode("") == TaxCodeProblem::WrongShape);
    CHECK(checkTaxCode("0000233488") == TaxCodeProblem::ZeroProvince);
    CHECK(checkTaxCode("0100000001") == TaxCodeProblem::ZeroSequence);
    CHECK(checkTaxCode("0314409058-000") == TaxCodeProblem::ZeroBranch);
}

TEST_CASE("the check digit is computed from the first nine digits", "[tracker][mst]")
{
    CHECK(tracker::taxCodeCheckDigit("010004751") == 6);
    CHECK(tracker::taxCodeCheckDigit("010023348") == 8);
    CHECK(tracker::normaliseTaxCode("0314409058002") == "0314409058-002");
}
