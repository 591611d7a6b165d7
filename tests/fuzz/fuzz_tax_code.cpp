// Mã số thuế (MST) as typed: an accepted code normalises to itself and stays accepted; every
// refusal names its problem in both languages.
#include "tracker/tax_code.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace tracker;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto problem = checkTaxCode(text);
    if (problem == TaxCodeProblem::None)
    {
        const auto normal = normaliseTaxCode(text);
        if (checkTaxCode(normal) != TaxCodeProblem::None || normaliseTaxCode(normal) != normal)
            std::abort();
    }
    else if (describeVi(problem).empty() || describeEn(problem).empty())
        std::abort();
    return 0;
}
