#include "net/api/cached_api.h"
#include "net/api/reads.h"
#include "net/views/land_views.h"
#include "net/views/places.h"
#include "persistence/cluster_facts_repository.h"

#include <Poco/JSON/Array.h>

namespace tracker::net
{
namespace
{
Poco::Dynamic::Var area(const std::optional<SquareMetres>& m2)
{
    return m2 ? Poco::Dynamic::Var(static_cast<Poco::Int64>(*m2)) : Poco::Dynamic::Var();
}

std::vector<LandRow> landRows(SiteContext& ctx, const Form& form)
{
    const auto today = ctx.clock.todayInHanoi();
    const auto query = readLandQuery(form, today);
    return selectLand(ctx.summaries.summaries(ctx.database, today),
                      persistence::ClusterFactsRepository(ctx.database).all(), query, today);
}
} // namespace

// Industrial land on offer (Nghị định 32/2024, Điều 19 khoản 5), most first, in m².
Rendered listLand(SiteContext& ctx, const Form& form, const RouteMatch&)
{
    Poco::JSON::Array clusters;
    for (const auto& r : landRows(ctx, form))
    {
        const auto& c = r.summary.cluster;
        Poco::JSON::Object json;
        json.set("code", c.code);
        json.set("name", c.nameVi);
        json.set("placement_vi", placementText(c, Language::Vi));
        json.set("former_district", c.district);
        json.set("offered_m2", area(r.offered));
        json.set("available_now_m2", area(r.land.now));
        json.set("available_later_m2", area(r.land.later));
        json.set("available_later_by",
                 r.land.laterBy ? Poco::Dynamic::Var(r.land.laterBy->iso()) : Poco::Dynamic::Var());
        json.set("industrial_area_m2", area(r.land.industrial));
        json.set("ready_to_lease_m2", area(r.land.ready));
        json.set("leased_m2", static_cast<Poco::Int64>(r.land.leased));
        Poco::JSON::Array missing;
        for (const auto& m : r.land.missingEn)
            missing.add(m);
        json.set("missing", missing);
        json.set("developer", c.developer);
        json.set("developer_contact", r.facts.developerContact);
        json.set("lease_terms", r.facts.leaseTerms);
        json.set("source", r.facts.source);
        clusters.add(json);
    }
    Poco::JSON::Object body;
    body.set("total", static_cast<int>(clusters.size()));
    body.set("as_of", ctx.clock.todayInHanoi().iso()); // leased land: the tenants leasing today
    body.set("clusters", clusters);
    body.set("legal_basis", "Nghị định 32/2024/NĐ-CP, Điều 19 khoản 5; Điều 2 khoản 7");
    return json(body);
}

} // namespace tracker::net
