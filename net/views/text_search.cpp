#include "net/views/text_search.h"

#include <memory>
#include <sstream>
#include <stdexcept>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace tracker::net
{
namespace
{
// One transliterator per thread: ICU does not promise that one instance may be used by
// several threads at once.
icu::Transliterator& folder()
{
    thread_local std::unique_ptr<icu::Transliterator> instance = []
    {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> created(icu::Transliterator::createInstance(
            "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Lower; NFC", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !created)
            throw std::runtime_error(std::string("ICU transliterator: ") + u_errorName(status));
        return created;
    }();
    return *instance;
}
} // namespace

std::string foldForSearch(const std::string& utf8)
{
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    folder().transliterate(text);
    std::string folded;
    text.toUTF8String(folded);
    return folded;
}

bool matchesAllWords(const std::string& foldedText, const std::string& foldedQuery)
{
    std::istringstream words(foldedQuery);
    std::string word;
    bool any = false;
    while (words >> word)
    {
        any = true;
        if (foldedText.find(word) == std::string::npos)
            return false;
    }
    return any;
}

} // namespace tracker::net
