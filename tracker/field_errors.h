#pragma once

#include <string>
#include <vector>

namespace tracker
{

// One thing wrong with one input field, said in both languages so that the form, the API
// and the import report can each pick the reader's.
struct FieldError
{
    std::string field; // the input's name: "date", "items[2].percent", "tax_code"
    std::string vi;
    std::string en;
};

using FieldErrors = std::vector<FieldError>;

} // namespace tracker
