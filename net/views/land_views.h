#pragma once

#include "net/views/locale.h"
#include "net/views/tables.h"
#include "tracker/land.h"
#include "tracker/metrics.h"

#include <kainjow/mustache.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace Poco::Net
{
class NameValueCollection;
}

namespace tracker::net
{

// What /land and /api/v1/land were asked: a current unit or a former district, at least
// this much land available, ready now or by a date, a built and compliant wastewater plant.
struct LandQuery
{
    std::string commune;
    std::string district;
    SquareMetres minimum = 0;         // ?min_ha=2 → 20 000 m²
    std::optional<Date> readyBy;      // ?ready=now (today) or ?ready=YYYY-MM-DD
    bool compliantWastewater = false; // ?wastewater=compliant
    std::string sector;               // ?sector=cơ khí: a plot open to it is available
};

// Throws BadParameter for a value it cannot read.
LandQuery readLandQuery(const Poco::Net::NameValueCollection& form, const Date& today);

struct LandRow
{
    ClusterSummary summary;
    ClusterFacts facts;
    LandAvailability land;
    std::optional<SquareMetres> offered; // now, or now and later when ready by the date
    std::vector<Plot> openPlots;         // available plots open to the asked sector (or all)
};

// The clusters that match, most land first; a cluster whose land is unknown matches no
// minimum (it is listed only when the query asks for no land at all). A sector matches a
// cluster with an available plot whose sectors name it (ignoring case and diacritics) or
// name none; a cluster that publishes no plots says nothing of sectors, so it does not match.
std::vector<LandRow> selectLand(const std::vector<ClusterSummary>& all,
                                const std::map<std::int64_t, ClusterFacts>& facts,
                                const LandQuery& query, const Date& today);

// /land lists this many clusters a page: at national scale every matching cluster on one
// page was 1.4 MB and 55-80 ms to render (issue 12).
constexpr int kLandPerPage = 50;

// One page of the matching rows (`page`, clamped to the last), with links to the pages
// before and after it that keep the search (`search`, as canonicalLandSearch gives it).
kainjow::mustache::data landPageView(const std::vector<LandRow>& rows,
                                     const std::vector<ClusterSummary>& all, const LandQuery& query,
                                     const Date& asOf, Language language, int page = 1,
                                     const std::string& search = {});
Table landTable(const std::vector<LandRow>& rows, Language language);
// Plots as the pages list them: label, area, status, sectors.
kainjow::mustache::data plotList(const std::vector<Plot>& plots, const Formatter& format);

} // namespace tracker::net
