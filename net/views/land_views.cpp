#include "net/views/land_views.h"

#include "net/http/errors.h"
#include "net/views/admin_units_file.h"
#include "net/views/cluster_query.h"
#include "net/views/labels.h"
#include "net/views/page_views.h"
#include "net/views/places.h"
#include "net/views/text_search.h"
#include "tracker/decimal.h"
#include "tracker/text_checks.h"

#include <Poco/Net/NameValueCollection.h>
#include <algorithm>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;

std::string missingText(const LandAvailability& land, Language language)
{
    const auto& list = language == Language::En ? land.missingEn : land.missingVi;
    std::string text;
    for (const auto& item : list)
        text += (text.empty() ? "" : "; ") + item;
    return text;
}

// The available plots open to `sector` (every available plot when no sector is asked).
std::vector<Plot> openPlots(const std::vector<Plot>& plots, const std::string& sector)
{
    const std::string wanted = foldForSearch(sector);
    std::vector<Plot> open;
    for (const auto& plot : plots)
        if (plot.status == PlotStatus::Available &&
            (wanted.empty() || plot.sectors.empty() ||
             matchesAllWords(foldForSearch(plot.sectors), wanted)))
            open.push_back(plot);
    return open;
}
} // namespace

data plotList(const std::vector<Plot>& plots, const Formatter& format)
{
    const bool en = format.language() == Language::En;
    data list{data::type::list};
    for (const auto& plot : plots)
    {
        data item;
        item.set("label", plot.label);
        item.set("area", format.hectares(std::optional<SquareMetres>(plot.area)));
        item.set("status", std::string(label(plot.status, en)));
        item.set("sectors",
                 plot.sectors.empty() ? (en ? "any sector" : "mọi ngành nghề") : plot.sectors);
        list.push_back(item);
    }
    return list;
}

LandQuery readLandQuery(const Poco::Net::NameValueCollection& form, const Date& today)
{
    LandQuery query;
    query.commune = form.get("commune", "");
    if (!query.commune.empty() && !adminUnits().byCode(query.commune))
        throw BadParameter("commune", "a unit code such as 10369 (see /api/v1/communes)");
    query.district = form.get("district", "");
    if (const auto minimum = form.get("min_ha", ""); !minimum.empty())
    {
        const auto area = parseScaledDecimal(minimum, 4);
        if (!area || *area < 0)
            throw BadParameter("min_ha", "a number of hectares such as 2 or 0,5");
        query.minimum = *area;
    }
    if (const auto ready = form.get("ready", ""); ready == "now")
        query.readyBy = today;
    else if (!ready.empty())
    {
        query.readyBy = Date::parseIso(ready);
        if (!query.readyBy)
            throw BadParameter("ready", "now, or a date such as 2027-06-30");
    }
    const auto wastewater = form.get("wastewater", "");
    if (!wastewater.empty() && wastewater != "compliant")
        throw BadParameter("wastewater", "compliant");
    query.compliantWastewater = wastewater == "compliant";
    query.sector = trimmedCopy(form.get("sector", ""));
    if (!isValidUtf8(query.sector) || codePointCount(query.sector) > 100)
        throw BadParameter("sector", "a sector of at most 100 characters, such as cơ khí");
    return query;
}

std::vector<LandRow> selectLand(const std::vector<ClusterSummary>& all,
                                const std::map<std::int64_t, ClusterFacts>& facts,
                                const LandQuery& query, const Date& today)
{
    std::vector<LandRow> rows;
    for (const auto& s : all)
    {
        if (!query.commune.empty() && !liesIn(s.cluster, query.commune))
            continue;
        if (!query.district.empty() && s.cluster.district != query.district)
            continue;
        LandRow row{s, {}, {}, std::nullopt, {}};
        if (const auto found = facts.find(s.cluster.id); found != facts.end())
            row.facts = found->second;
        row.land = landOf(s.cluster, row.facts, s.leased);
        if (query.compliantWastewater && !(row.facts.wastewater == WastewaterState::Built &&
                                           row.facts.wastewaterCompliant == true))
            continue;
        row.openPlots = openPlots(row.facts.plots, query.sector);
        if (!query.sector.empty() && row.openPlots.empty())
            continue;
        if (row.land.now)
        {
            row.offered = *row.land.now;
            const Date by = query.readyBy.value_or(today);
            if (row.land.later && *row.land.later > 0 && row.land.laterBy &&
                *row.land.laterBy <= by && query.readyBy && *query.readyBy > today)
                *row.offered += *row.land.later;
        }
        const bool asksForLand = query.minimum > 0 || query.readyBy;
        if (asksForLand &&
            (!row.offered || *row.offered < std::max<SquareMetres>(query.minimum, 1)))
            continue;
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const LandRow& a, const LandRow& b)
                     { return a.offered.value_or(-1) > b.offered.value_or(-1); });
    return rows;
}

data landPageView(const std::vector<LandRow>& rows, const std::vector<ClusterSummary>& all,
                  const LandQuery& query, const Date& asOf, Language language, int page,
                  const std::string& search)
{
    const Formatter format(language);
    data view;
    view.set("as_of", format.date(asOf));
    const PageSlice slice = slicePage(rows.size(), page, kLandPerPage);
    setPager(view, slice.page, slice.pages,
             "/land?" + search + (search.empty() ? "" : "&") + "page=");
    data list{data::type::list};
    for (std::size_t i = slice.begin; i < slice.end; ++i)
    {
        const auto& r = rows[i];
        const auto& c = r.summary.cluster;
        data row;
        row.set("name", c.nameVi);
        row.set("href", "/clusters/" + c.code);
        row.set("code", c.code);
        row.set("placement", placementText(c, language));
        row.set("former_district", formerDistrictText(c, language));
        row.set("offered", r.offered ? format.hectares(*r.offered) : format.noData());
        row.set("offered_value", r.offered ? std::to_string(*r.offered) : std::string("0"));
        row.set("industrial", format.hectares(r.land.industrial));
        row.set("ready", format.hectares(r.land.ready));
        row.set("leased", format.hectares(std::optional<SquareMetres>(r.land.leased)));
        row.set("now", format.hectares(r.land.now));
        row.set("later", r.land.later && *r.land.later > 0 ? format.hectares(r.land.later) : "");
        row.set("later_by", r.land.laterBy ? format.date(*r.land.laterBy) : "");
        row.set("missing", missingText(r.land, language));
        row.set("has_missing", !r.land.missingVi.empty());
        row.set("contact", r.facts.developerContact);
        row.set("lease_terms", r.facts.leaseTerms);
        row.set("developer", c.developer);
        row.set("source", r.facts.source);
        row.set("plots", plotList(r.openPlots, format));
        row.set("has_plots", !r.openPlots.empty());
        list.push_back(row);
    }
    view.set("rows", list);
    view.set("result_count", std::to_string(rows.size()));
    view.set("empty", rows.empty());
    view.set("min_ha", query.minimum > 0
                           ? formatScaledDecimal(query.minimum, 4, 4,
                                                 language == Language::En ? '.' : ',', "")
                           : "");
    view.set("ready_now", query.readyBy.has_value());
    view.set("compliant", query.compliantWastewater);
    view.set("sector", query.sector);
    view.set("communes", communeOptions(all, query.commune, language));
    return view;
}

Table landTable(const std::vector<LandRow>& rows, Language language)
{
    const auto t = [language](const char* key) { return label(language, key); };
    Table table;
    table.sheetName = language == Language::Vi ? "Dat cong nghiep" : "Industrial land";
    table.header = {t("code"),
                    t("name"),
                    t("current_unit"),
                    t("district"),
                    t("land_offered") + " (ha)",
                    t("land_now") + " (ha)",
                    t("land_later") + " (ha)",
                    t("land_later_by"),
                    t("industrial_area") + " (ha)",
                    t("land_ready") + " (ha)",
                    t("leased_area") + " (ha)",
                    t("land_missing"),
                    t("developer"),
                    t("land_contact"),
                    t("land_terms"),
                    t("source")};
    for (const auto& r : rows)
    {
        const auto& c = r.summary.cluster;
        table.rows.push_back(
            {c.code, c.nameVi, placementText(c, language), c.district, hectaresCell(r.offered),
             hectaresCell(r.land.now), hectaresCell(r.land.later),
             r.land.laterBy ? Cell(*r.land.laterBy) : Cell(), hectaresCell(r.land.industrial),
             hectaresCell(r.land.ready), hectaresCell(r.land.leased), missingText(r.land, language),
             c.developer, r.facts.developerContact, r.facts.leaseTerms, r.facts.source});
    }
    return table;
}

} // namespace tracker::net
