#include "net/api/cached_api.h"
#include "net/api/reads.h"
#include "net/views/cluster_query.h"
#include "net/views/labels.h"
#include "net/views/land_search.h"
#include "net/views/land_views.h"
#include "net/views/places.h"
#include "net/views/svg_charts.h"
#include "persistence/cluster_facts_repository.h"

#include <Poco/JSON/Array.h>
#include <sstream>

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

// Industrial land on offer (Nghị định 32/2024, Điều 19 khoản 5), most first, in m², a page
// at a time: every cluster at once was 517 KB and 55-70 ms to render at national scale.
Rendered listLand(SiteContext& ctx, const Form& form, const RouteMatch&)
{
    const int perPage =
        wholeParameter(form, "per_page", ClusterQuery::kPageSize, ClusterQuery::kMaxPageSize);
    const int number = wholeParameter(form, "page", 1, 1'000'000);
    const auto rows = landRows(ctx, form);
    const PageSlice slice = slicePage(rows.size(), number, perPage);
    Poco::JSON::Array clusters;
    for (std::size_t i = slice.begin; i < slice.end; ++i)
    {
        const auto& r = rows[i];
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
    setPaging(body, rows.size(), slice, perPage);
    body.set("as_of", ctx.clock.todayInHanoi().iso()); // leased land: the tenants leasing today
    body.set("clusters", clusters);
    body.set("legal_basis", "Nghị định 32/2024/NĐ-CP, Điều 19 khoản 5; Điều 2 khoản 7");
    return json(body);
}

// A saved search of /land as an Atom feed (RFC 4287): one entry per matching cluster, dated
// by the day its land on offer was computed, so that a reader sees a cluster appear.
Rendered landFeed(SiteContext& ctx, const Form& form, const RouteMatch&)
{
    const Date today = ctx.clock.todayInHanoi();
    const Language language = requestedLanguage(form);
    const std::string search = canonicalLandSearch(form, today);
    const std::string base = ctx.jobs.publicBaseUrl;
    const std::string lang = language == Language::En ? "lang=en" : "";
    const auto join = [&](const std::string& path, const std::string& query)
    {
        const std::string q = query + (query.empty() || lang.empty() ? "" : "&") + lang;
        return xmlEscape(base + path + (q.empty() ? "" : "?" + q));
    };
    const Formatter format(language);
    const std::string title = describeLandSearch(search, language);
    std::ostringstream xml;
    xml << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        << "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" << code(language) << "\">"
        << "<title>" << xmlEscape(title) << "</title>"
        << "<id>tag:ccn-tracker.hanoi,2026:land?" << xmlEscape(search) << "</id>"
        << "<link rel=\"alternate\" type=\"text/html\" href=\"" << join("/land", search) << "\"/>"
        << "<link rel=\"self\" href=\"" << join("/land.atom", search) << "\"/>"
        << "<updated>" << today.iso() << "T00:00:00+07:00</updated>"
        << "<author><name>" << xmlEscape(label(language, "site_name")) << "</name></author>";
    for (const auto& r : landRows(ctx, form))
    {
        const auto& c = r.summary.cluster;
        xml << "<entry><title>" << xmlEscape(c.nameVi + ": " + format.hectares(r.offered))
            << "</title><id>tag:ccn-tracker.hanoi,2026:land/" << xmlEscape(c.code) << "/"
            << (r.offered ? std::to_string(*r.offered) : "unknown") << "</id>"
            << "<link href=\"" << join("/clusters/" + c.code, "") << "\"/>"
            << "<updated>" << today.iso() << "T00:00:00+07:00</updated><summary>"
            << xmlEscape(placementText(c, language) + " · " + c.developer + " · " +
                         r.facts.developerContact)
            << "</summary></entry>";
    }
    xml << "</feed>\n";
    return Rendered{
        xml.str(), "application/atom+xml; charset=utf-8", Poco::Net::HTTPResponse::HTTP_OK, {}};
}

} // namespace tracker::net
