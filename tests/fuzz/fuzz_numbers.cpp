// Money, areas, percentages and dates as people type them: parse → print → parse gives the
// same value, and whatever is refused is refused without a crash.
#include "tracker/date.h"
#include "tracker/decimal.h"
#include "tracker/text_checks.h"

#include <cstdint>
#include <cstdlib>
#include <string>

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
    if (const auto whole = parseWholeNumber(text))
        if (parseWholeNumber(std::to_string(*whole)) != whole || *whole < 0)
            std::abort();
    return 0;
}
