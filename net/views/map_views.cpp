#include "net/views/map_views.h"

#include "net/views/labels.h"
#include "net/views/page_views.h"
#include "net/views/places.h"
#include "net/views/svg_charts.h"

#include <Poco/URI.h>
#include <set>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;

std::vector<MapMarker> markersOf(const std::vector<DistrictGroup>& districts, Language language)
{
    std::vector<MapMarker> markers;
    for (const auto& group : districts)
        for (const auto& s : group.clusters)
            markers.push_back({"/clusters/" + s.cluster.code,
                               s.cluster.nameVi + " — " + enumLabel(s.cluster.status, language) +
                                   (s.isBehind() ? " — " + label(language, "behind") : ""),
                               std::string(code(s.cluster.status)), s.cluster.district,
                               s.isBehind()});
    return markers;
}
} // namespace

data mapView(const std::vector<DistrictGroup>& districts, const DistrictMap& map, Language language)
{
    data view;
    view.set("map_svg", districtMapSvg(map, districts, markersOf(districts, language), "",
                                       label(language, "map_title")));
    data statuses{data::type::list};
    std::set<std::string> seen;
    for (const auto& group : districts)
        for (const auto& s : group.clusters)
            if (seen.insert(std::string(code(s.cluster.status))).second)
            {
                data status;
                status.set("value", std::string(code(s.cluster.status)));
                status.set("label", enumLabel(s.cluster.status, language));
                statuses.push_back(status);
            }
    view.set("statuses", statuses);
    data list{data::type::list};
    for (const auto& group : districts)
    {
        data entry;
        entry.set("name", group.name);
        entry.set("href", "/districts/" + group.slug);
        entry.set("clusters", std::to_string(group.totals.clusterCount));
        list.push_back(entry);
    }
    view.set("districts", list);
    return view;
}

data districtView(const DistrictGroup& district, const std::vector<DistrictGroup>& all,
                  const DistrictMap& map, Language language)
{
    const Formatter format(language);
    data view;
    view.set("name", language == Language::En ? "Former " + district.name + " district"
                                              : "Huyện " + district.name + " (cũ)");
    view.set("cluster_count", std::to_string(district.totals.clusterCount));
    view.set("total_area", format.hectares(district.totals.totalArea));
    view.set("planned_investment", district.totals.clustersWithInvestment > 0
                                       ? format.billionsVnd(district.totals.plannedInvestment)
                                       : format.noData());
    view.set("average_progress", format.percent(district.totals.averageProgressPercent));
    view.set("behind_count", std::to_string(district.behind));
    view.set("map_svg", districtMapSvg(map, all, markersOf({district}, language), district.slug,
                                       district.name));
    data rows{data::type::list};
    for (const auto& s : district.clusters)
        rows.push_back(clusterRow(s, format));
    view.set("rows", rows);
    std::string encoded;
    Poco::URI::encode(district.name, "&=+?#/ ", encoded);
    view.set("list_href", "/clusters?district=" + encoded);
    return view;
}

namespace
{
data flagRow(const DelayFlag& flag, const Formatter& format, Language language)
{
    const Date since = flag.lateSince.value_or(flag.raisedOn);
    data row;
    row.set("name", flag.clusterName);
    row.set("href", "/clusters/" + flag.clusterCode);
    row.set("district", flagPlaceText(flag.units, flag.district, language));
    row.set("rule", enumLabel(flag.rule, language));
    row.set("severity", enumLabel(flag.severity, language));
    row.set("severity_code", std::string(code(flag.severity)));
    row.set("measure",
            language == Language::Vi && !flag.measureVi.empty() ? flag.measureVi : flag.measure);
    row.set("since", format.date(since));
    row.set("raised", format.date(flag.raisedOn));
    row.set("days_late", flag.daysLate ? format.number(static_cast<double>(*flag.daysLate), 0)
                                       : std::string("—"));
    row.set("resolved", format.date(flag.resolvedOn));
    row.set("acknowledged", !flag.acknowledgedBy.empty());
    row.set("acknowledged_by", flag.acknowledgedBy);
    row.set("acknowledgement", flag.acknowledgement);
    return row;
}

data flagRows(const std::vector<DelayFlag>& flags, const Formatter& format, Language language)
{
    data rows{data::type::list};
    for (const auto& flag : flags)
        rows.push_back(flagRow(flag, format, language));
    return rows;
}
} // namespace

data delaysView(const DelayListing& listing, Language language)
{
    const Formatter format(language);
    data view;
    view.set("delays", flagRows(listing.open, format, language));
    view.set("resolved", flagRows(listing.resolved, format, language));
    view.set("has_delays", listing.openTotal > 0);
    view.set("has_resolved", !listing.resolved.empty());
    view.set("count", std::to_string(listing.openTotal));
    view.set("clusters", std::to_string(listing.openClusters));
    view.set("resolved_more",
             listing.resolvedTotal > listing.resolved.size()
                 ? data(std::to_string(listing.resolvedTotal - listing.resolved.size()))
                 : data(false));
    setPager(view, listing.page, listing.pages, "/delays?page=");
    return view;
}

data delaysView(const std::vector<DelayFlag>& flags, Language language)
{
    DelayListing listing;
    std::set<std::string> clusters;
    for (const auto& flag : flags)
        if (flag.resolvedOn)
            listing.resolved.push_back(flag);
        else
        {
            listing.open.push_back(flag);
            clusters.insert(flag.clusterCode);
        }
    listing.openTotal = listing.open.size();
    listing.openClusters = clusters.size();
    listing.resolvedTotal = listing.resolved.size();
    return delaysView(listing, language);
}

} // namespace tracker::net
