// Names, emails, search text, digest scopes and saved searches as people type them:
// normalising is idempotent, search folding keeps valid UTF-8, a saved search read back is
// the same search, and refusals are clean.
#include "net/http/errors.h"
#include "net/views/land_search.h"
#include "net/views/text_search.h"
#include "tracker/email_address.h"
#include "tracker/enquiry.h"
#include "tracker/subscription.h"
#include "tracker/text_checks.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>
#include <Poco/Net/NameValueCollection.h>
#include <cstdint>
#include <cstdlib>
#include <string>

using namespace tracker;

namespace
{
void savedSearchRoundTrip(const std::string& text)
{
    Poco::Net::NameValueCollection form;
    try
    {
        for (const auto& [name, value] : Poco::URI("/land?" + text).getQueryParameters())
            form.set(name, value);
    }
    catch (const Poco::Exception&)
    {
        return; // not a query string at all
    }
    try
    {
        const Date today{2026, 12, 1};
        const auto canonical = net::canonicalLandSearch(form, today);
        if (net::canonicalLandSearch(net::landSearchForm(canonical), today) != canonical)
            std::abort();
    }
    catch (const net::BadParameter&)
    {
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (const auto email = normalisedEmail(text))
        if (normalisedEmail(*email) != email || email->size() > 254)
            std::abort();
    acceptableDisplayName(text);
    if (isValidUtf8(text))
    {
        if (codePointCount(text) > text.size())
            std::abort();
        if (!isValidUtf8(net::foldForSearch(text)))
            std::abort();
        net::matchesAllWords(net::foldForSearch(text), net::foldForSearch(text.substr(0, 8)));
    }
    parseDigestScope(text);
    EnquiryDraft draft{text, text, text, text, text, text, text, "1"};
    validateEnquiry(draft);
    savedSearchRoundTrip(text);
    return 0;
}
