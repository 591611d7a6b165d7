#pragma once

#include <string>
#include <string_view>

namespace tracker
{

// Vietnamese enterprise tax code (mã số thuế, MST): 10 digits, or 10 digits, an optional
// dash and a 3-digit branch number. The 10th digit is a check digit over the first nine.
enum class TaxCodeProblem
{
    None,
    WrongShape,    // not 10 or 13 digits (with an optional dash before the branch)
    ZeroProvince,  // N1N2 = 00
    ZeroSequence,  // N3..N9 = 0000000
    BadCheckDigit, // N10 does not match
    ZeroBranch     // branch suffix 000
};

TaxCodeProblem checkTaxCode(std::string_view text);
std::string_view describeVi(TaxCodeProblem problem);
std::string_view describeEn(TaxCodeProblem problem);

// The check digit for nine digits, or -1 when no digit fits (such codes do not exist).
int taxCodeCheckDigit(std::string_view firstNineDigits);

// "0314409058002" or "0314409058-002" → "0314409058-002"; a valid 10-digit code as is.
std::string normaliseTaxCode(std::string_view validCode);

} // namespace tracker
