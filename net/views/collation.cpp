#include "net/views/collation.h"

#include <memory>
#include <unicode/coll.h>

namespace tracker::net
{

bool vietnameseLess(const std::string& a, const std::string& b)
{
    thread_local std::unique_ptr<icu::Collator> collator = []
    {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> made(
            icu::Collator::createInstance(icu::Locale("vi"), status));
        return U_SUCCESS(status) ? std::move(made) : nullptr;
    }();
    if (!collator)
        return a < b;
    UErrorCode status = U_ZERO_ERROR;
    return collator->compareUTF8(a, b, status) == UCOL_LESS;
}

} // namespace tracker::net
