#include "net/views/commune_views.h"

#include "net/views/page_views.h"

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;

std::string unitName(const AdminUnit& unit, Language language)
{
    return language == Language::En ? unit.nameInEnglish() : unit.name;
}

data formerDistrictLinks(const AdminUnit& unit, Language language)
{
    data links{data::type::list};
    for (const auto& district : unit.formerDistricts)
    {
        data link;
        link.set("name", language == Language::En ? "former " + district + " district"
                                                  : "huyện " + district + " cũ");
        link.set("href", "/districts/" + districtSlug(district));
        links.push_back(link);
    }
    return links;
}
} // namespace

data communeView(const CommuneGroup& group, Language language)
{
    const Formatter format(language);
    const AdminUnit& unit = *group.unit;
    data view;
    view.set("name", unitName(unit, language));
    view.set("code", unit.code);
    view.set("cluster_count", std::to_string(group.totals.clusterCount));
    view.set("unverified_count", std::to_string(group.unverified));
    view.set("has_unverified", group.unverified > 0);
    view.set("total_area", format.hectares(group.totals.totalArea));
    view.set("planned_investment", group.totals.clustersWithInvestment > 0
                                       ? format.billionsVnd(group.totals.plannedInvestment)
                                       : format.noData());
    view.set("average_progress", format.percent(group.totals.averageProgressPercent));
    view.set("behind_count", std::to_string(group.behind));
    view.set("formed_from", unit.formedFrom);
    view.set("former_districts", formerDistrictLinks(unit, language));
    data rows{data::type::list};
    for (const auto& s : group.clusters)
        rows.push_back(clusterRow(s, format));
    view.set("rows", rows);
    view.set("list_href", "/clusters?commune=" + unit.code);
    return view;
}

data communeRows(const std::vector<CommuneGroup>& groups, const Formatter& format)
{
    data rows{data::type::list};
    for (const auto& group : groups)
    {
        data row;
        row.set("name", unitName(*group.unit, format.language()));
        row.set("href", "/communes/" + group.unit->slug);
        row.set("code", group.unit->code);
        row.set("clusters", std::to_string(group.totals.clusterCount));
        row.set("unverified", std::to_string(group.unverified));
        row.set("has_unverified", group.unverified > 0);
        row.set("area", format.hectares(group.totals.totalArea));
        row.set("progress", format.percent(group.totals.averageProgressPercent));
        rows.push_back(row);
    }
    return rows;
}

} // namespace tracker::net
