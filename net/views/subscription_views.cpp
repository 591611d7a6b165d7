#include "net/views/subscription_views.h"

#include "net/views/land_search.h"

namespace tracker::net
{

std::string scopeLabel(const Subscription& s, const AdminUnits& units, Language language)
{
    const bool en = language == Language::En;
    if (s.scopeKind == "commune")
    {
        const auto* unit = units.byCode(s.scopeValue);
        return unit ? (en ? unit->nameInEnglish() : unit->name) + " (" + unit->code + ")"
                    : s.scopeValue;
    }
    if (s.scopeKind == "district")
        return en ? "area of the former " + s.scopeValue + " district"
                  : "khu vực huyện " + s.scopeValue + " cũ";
    if (s.scopeKind == "cluster")
        return (en ? "cluster " : "cụm ") + s.scopeValue;
    if (s.scopeKind == "land")
        return describeLandSearch(s.scopeValue, language);
    return en ? "every cluster" : "mọi cụm";
}

} // namespace tracker::net
