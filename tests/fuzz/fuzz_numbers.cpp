// Money, areas, percentages and dates as people type them: parse → print → parse gives the
// same value, and whatever is refused is refused without a crash.
#include "tracker/date.h"
#include "tracker/decimal.h"
#include "tracker/text_checks.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>

using namespace tracker;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (int scale = 0; scale <= 4; ++scale)
        if (const auto value = parseScaledDecimal(text, scale))
        {
            for (const char mark : {'.', ','})
            {
                const auto printed = formatScaledDecimal(*value, scale, scale, mark, "");
                if (parseScaledDecimal(printed, scale) != value)
                    std::abort();
            }
            // Grouped for a reader, the value must still be the same number once ungrouped.
            const auto grouped = formatScaledDecimal(*value, scale, scale, ',', ".");
            std::string ungrouped;
            for (const char c : grouped)
                if (c != '.')
                    ungrouped += c;
            if (parseScaledDecimal(ungrouped, scale) != value)
                std::abort();
        }
    if (const auto date = Date::parseIso(text))
        if (Date::parseIso(date->iso()) != date || !isValidDate(date->year, date->month, date->day))
            std::abort();
    // Grouped amounts ("600.000.000"): the same number as its digits alone, and a grouped
    // print of it reads back the same, with either language's separator.
    if (const auto grouped = parseGroupedWholeNumber(text))
    {
        std::string digits;
        for (const char c : text)
            if (c >= '0' && c <= '9')
                digits += c;
        if (parseWholeNumber(digits) != grouped)
            std::abort();
        for (const auto& [mark, separator] : {std::pair{',', "."}, std::pair{'.', ","}})
            if (parseGroupedWholeNumber(formatScaledDecimal(*grouped, 0, 0, mark, separator)) !=
                grouped)
                std::abort();
    }
    if (const auto whole = parseWholeNumber(text))
        if (parseWholeNumber(std::to_string(*whole)) != whole || *whole < 0)
            std::abort();
    return 0;
}
