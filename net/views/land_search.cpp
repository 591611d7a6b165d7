#include "net/views/land_search.h"

#include "net/views/admin_units_file.h"

#include <Poco/Net/NameValueCollection.h>
#include <Poco/URI.h>

namespace tracker::net
{
namespace
{
// /land's parameters, in the order a saved search writes them.
constexpr const char* kKeys[] = {"commune", "district", "min_ha", "ready", "wastewater", "sector"};
} // namespace

std::string canonicalLandSearch(const Poco::Net::NameValueCollection& form, const Date& today)
{
    readLandQuery(form, today); // refuses what /land would refuse
    std::string text;
    for (const char* key : kKeys)
        if (const std::string value = form.get(key, ""); !value.empty())
        {
            std::string encoded;
            Poco::URI::encode(value, "&=+#%?", encoded);
            text += (text.empty() ? "" : "&") + std::string(key) + "=" + encoded;
        }
    return text;
}

Poco::Net::NameValueCollection landSearchForm(const std::string& canonical)
{
    Poco::Net::NameValueCollection form;
    for (const auto& [name, value] : Poco::URI("/land?" + canonical).getQueryParameters())
        form.set(name, value);
    return form;
}

std::string describeLandSearch(const std::string& canonical, Language language)
{
    const bool en = language == Language::En;
    const auto form = landSearchForm(canonical);
    std::string text;
    const auto add = [&](const std::string& part) { text += (text.empty() ? "" : " · ") + part; };
    if (const auto ha = form.get("min_ha", ""); !ha.empty())
        add("≥ " + ha + " ha");
    if (const auto* unit = adminUnits().byCode(form.get("commune", "")))
        add(unit->name);
    if (const auto district = form.get("district", ""); !district.empty())
        add((en ? "former district " : "huyện cũ ") + district);
    if (const auto ready = form.get("ready", ""); ready == "now")
        add(en ? "ready now" : "sẵn sàng ngay");
    else if (const auto by = Date::parseIso(ready))
        add((en ? "ready by " : "sẵn sàng trước ") + Formatter(language).date(*by));
    if (form.get("wastewater", "") == "compliant")
        add(en ? "compliant wastewater plant" : "xử lý nước thải đạt chuẩn");
    if (const auto sector = form.get("sector", ""); !sector.empty())
        add((en ? "sector: " : "ngành: ") + sector);
    const std::string what = en ? "industrial land" : "đất công nghiệp";
    return text.empty() ? what : what + " " + text;
}

} // namespace tracker::net
