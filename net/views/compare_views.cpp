#include "net/views/compare_views.h"

#include "net/views/labels.h"
#include "net/views/places.h"
#include "tracker/enums.h"
#include "tracker/land.h"

#include <algorithm>
#include <map>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;

data cells(const std::vector<std::string>& values)
{
    data list{data::type::list};
    for (const auto& value : values)
    {
        data cell;
        cell.set("value", value);
        list.push_back(cell);
    }
    return list;
}

data row(const std::string& name, const std::vector<std::string>& values)
{
    data r;
    r.set("name", name);
    r.set("cells", cells(values));
    return r;
}

std::string sectorsOf(const ClusterDetail& d, const Formatter& format)
{
    std::map<std::string, int> bySector;
    for (const auto& tenant : d.tenants)
        if (tenant.status != TenantStatus::Left)
            ++bySector[tenant.sector.empty() ? "—" : tenant.sector];
    std::string text;
    for (const auto& [sector, count] : bySector)
        text += (text.empty() ? "" : "; ") + sector + ": " + format.number(count, 0);
    return text.empty() ? format.noData() : text;
}

std::string delaysOf(const std::vector<DelayFlag>& flags, Language language)
{
    std::string text;
    for (const auto& flag : flags)
        if (!flag.resolvedOn)
            text += (text.empty() ? "" : "; ") + enumLabel(flag.rule, language);
    return text.empty() ? (language == Language::En ? "none" : "không") : text;
}
} // namespace

data compareView(const std::vector<ComparedCluster>& clusters, const Date& asOf, Language language)
{
    const Formatter format(language);
    data view;
    view.set("as_of", format.date(asOf));
    data heads{data::type::list};
    for (const auto& c : clusters)
    {
        data head;
        head.set("name", c.detail.summary.cluster.nameVi);
        head.set("href", "/clusters/" + c.detail.summary.cluster.code);
        heads.push_back(head);
    }
    view.set("heads", heads);
    const auto each = [&](auto value)
    {
        std::vector<std::string> out;
        for (const auto& c : clusters)
            out.push_back(value(c));
        return out;
    };
    data rows{data::type::list};
    rows.push_back(row(label(language, "current_unit"),
                       each([&](const ComparedCluster& c)
                            { return placementText(c.detail.summary.cluster, language); })));
    rows.push_back(row(label(language, "status"),
                       each([&](const ComparedCluster& c)
                            { return enumLabel(c.detail.summary.cluster.status, language); })));
    rows.push_back(row(label(language, "total_area"),
                       each([&](const ComparedCluster& c)
                            { return format.hectares(c.detail.summary.cluster.totalArea); })));
    rows.push_back(row(label(language, "industrial_area"),
                       each([&](const ComparedCluster& c)
                            { return format.hectares(c.detail.summary.cluster.industrialArea); })));
    rows.push_back(row(label(language, "land_now"),
                       each(
                           [&](const ComparedCluster& c)
                           {
                               const auto land = landOf(c.detail.summary.cluster, c.facts,
                                                        c.detail.summary.leased);
                               return land.now ? format.hectares(*land.now) : format.noData();
                           })));
    rows.push_back(row(label(language, "occupancy"),
                       each(
                           [&](const ComparedCluster& c)
                           {
                               const auto& s = c.detail.summary;
                               const auto occupied = occupancy(s.cluster, s.leased);
                               if (!occupied)
                                   return format.noData();
                               return format.percent(occupied->percent) +
                                      (occupied->basis == OccupancyBasis::IndustrialLand
                                           ? std::string()
                                           : " " + label(language, "basis_total_area"));
                           })));
    rows.push_back(row(label(language, "progress"),
                       each(
                           [&](const ComparedCluster& c)
                           {
                               return format.percent(c.detail.summary.progressPercent) + " (" +
                                      label(language, "planned") + " " +
                                      format.percent(c.detail.summary.plannedPercent) + ")";
                           })));
    // Every kind of work item any of them has, each cluster's share done.
    std::vector<WorkKind> kinds;
    for (const auto& c : clusters)
        for (const auto& item : c.detail.items)
            if (std::find(kinds.begin(), kinds.end(), item.kind) == kinds.end())
                kinds.push_back(item.kind);
    std::sort(kinds.begin(), kinds.end());
    for (const auto kind : kinds)
        rows.push_back(
            row(enumLabel(kind, language),
                each(
                    [&](const ComparedCluster& c)
                    {
                        const auto item =
                            std::find_if(c.detail.items.begin(), c.detail.items.end(),
                                         [&](const WorkItem& w) { return w.kind == kind; });
                        return item == c.detail.items.end()
                                   ? std::string("—")
                                   : format.percent(static_cast<double>(item->percentDone));
                    })));
    rows.push_back(row(label(language, "tenants"), each([&](const ComparedCluster& c)
                                                        { return sectorsOf(c.detail, format); })));
    rows.push_back(row(label(language, "behind"), each([&](const ComparedCluster& c)
                                                       { return delaysOf(c.flags, language); })));
    view.set("rows", rows);
    return view;
}

} // namespace tracker::net
