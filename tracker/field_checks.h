#pragma once

#include "tracker/date.h"
#include "tracker/field_errors.h"

#include <optional>
#include <string>

namespace tracker
{

// Each check reads one field, appends what is wrong with it to `errors` and returns the
// value when it is usable, so that a form reports every problem at once.
class FieldChecks
{
public:
    std::string text(const std::string& field, const std::string& value, std::size_t maxChars,
                     bool required);
    std::optional<long long> whole(const std::string& field, const std::string& value,
                                   bool required, long long maximum);
    std::optional<Date> date(const std::string& field, const std::string& value, bool required);
    void add(const std::string& field, std::string vi, std::string en);

    bool ok() const { return _errors.empty(); }
    FieldErrors& errors() { return _errors; }

private:
    FieldErrors _errors;
};

} // namespace tracker
