#include "tracker/tax_code.h"

#include <algorithm>

namespace tracker
{
namespace
{
bool allDigits(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string digitsOnly(std::string_view text)
{
    std::string digits;
    for (const char c : text)
    {
        if (c != '-')
            digits += c;
    }
    return digits;
}

bool hasValidShape(std::string_view text)
{
    if (text.size() == 10 || text.size() == 13)
        return allDigits(text);
    return text.size() == 14 && text[10] == '-' && allDigits(text.substr(0, 10)) &&
           allDigits(text.substr(11));
}
} // namespace

int taxCodeCheckDigit(std::string_view nine)
{
    static constexpr int weights[] = {31, 29, 23, 19, 17, 13, 7, 5, 3};
    int sum = 0;
    for (std::size_t i = 0; i < 9; ++i)
        sum += weights[i] * (nine[i] - '0');
    const int digit = 10 - sum % 11;
    return digit == 10 ? -1 : digit; // 10 is not a digit: no such code exists
}

TaxCodeProblem checkTaxCode(std::string_view text)
{
    if (!hasValidShape(text))
        return TaxCodeProblem::WrongShape;
    const std::string digits = digitsOnly(text);
    if (digits.compare(0, 2, "00") == 0)
        return TaxCodeProblem::ZeroProvince;
    if (digits.compare(2, 7, "0000000") == 0)
        return TaxCodeProblem::ZeroSequence;
    if (taxCodeCheckDigit(digits) != digits[9] - '0')
        return TaxCodeProblem::BadCheckDigit;
    if (digits.size() == 13 && digits.compare(10, 3, "000") == 0)
        return TaxCodeProblem::ZeroBranch;
    return TaxCodeProblem::None;
}

std::string_view describeVi(TaxCodeProblem problem)
{
    switch (problem)
    {
    case TaxCodeProblem::None:
        return "Mã số thuế hợp lệ.";
    case TaxCodeProblem::WrongShape:
        return "Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số và 3 chữ số của đơn vị phụ thuộc.";
    case TaxCodeProblem::ZeroProvince:
        return "Hai chữ số đầu của mã số thuế (mã tỉnh) không được là 00.";
    case TaxCodeProblem::ZeroSequence:
        return "Chữ số thứ 3 đến thứ 9 của mã số thuế không được đều là 0.";
    case TaxCodeProblem::BadCheckDigit:
        return "Chữ số kiểm tra (chữ số thứ 10) của mã số thuế không đúng.";
    case TaxCodeProblem::ZeroBranch:
        return "Ba chữ số của đơn vị phụ thuộc không được là 000.";
    }
    return "";
}

std::string_view describeEn(TaxCodeProblem problem)
{
    switch (problem)
    {
    case TaxCodeProblem::None:
        return "The tax code is valid.";
    case TaxCodeProblem::WrongShape:
        return "A tax code has 10 digits, or 10 digits and a 3-digit branch number.";
    case TaxCodeProblem::ZeroProvince:
        return "The first two digits of a tax code (the province) cannot be 00.";
    case TaxCodeProblem::ZeroSequence:
        return "Digits 3 to 9 of a tax code cannot all be 0.";
    case TaxCodeProblem::BadCheckDigit:
        return "The check digit (the 10th digit) of the tax code is wrong.";
    case TaxCodeProblem::ZeroBranch:
        return "The branch number of a tax code cannot be 000.";
    }
    return "";
}

std::string normaliseTaxCode(std::string_view validCode)
{
    const std::string digits = digitsOnly(validCode);
    return digits.size() == 13 ? digits.substr(0, 10) + "-" + digits.substr(10) : digits;
}

} // namespace tracker
