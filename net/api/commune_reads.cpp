#include "net/api/cached_api.h"
#include "net/api/reads.h"
#include "net/http/responses.h"
#include "net/views/communes.h"

#include <Poco/JSON/Array.h>
#include <map>

namespace tracker::net
{

// Every current unit (126), each with its statistics code, the former districts it was
// formed from and how many clusters lie, or may lie, in it.
Rendered listCommunes(SiteContext& ctx, const Form&, const RouteMatch&)
{
    std::map<std::string, const CommuneGroup*> withClusters;
    const auto groups =
        groupByCommune(ctx.summaries.summaries(ctx.database, ctx.clock.todayInHanoi()));
    for (const auto& group : groups)
        withClusters[group.unit->code] = &group;
    Poco::JSON::Array units;
    for (const auto& unit : ctx.units.all())
    {
        Poco::JSON::Object json;
        json.set("code", unit.code);
        json.set("name", unit.name);
        json.set("type", unit.type);
        json.set("slug", unit.slug);
        Poco::JSON::Array districts;
        for (const auto& district : unit.formerDistricts)
            districts.add(district);
        json.set("former_districts", districts);
        const auto found = withClusters.find(unit.code);
        json.set("cluster_count",
                 found == withClusters.end() ? 0 : found->second->totals.clusterCount);
        json.set("unverified_count", found == withClusters.end() ? 0 : found->second->unverified);
        units.add(json);
    }
    Poco::JSON::Object body;
    body.set("total", static_cast<int>(units.size()));
    body.set("since", "2025-07-01");
    body.set("source", "Nghị quyết 1656/NQ-UBTVQH15; mã: Công văn 1027/CTK-CSCL (Cục Thống kê)");
    body.set("communes", units);
    return json(body);
}

} // namespace tracker::net
