#include "net/pages/pages.h"
#include "net/views/article8_views.h"
#include "net/views/commune_views.h"
#include "persistence/cluster_repository.h"
#include "tracker/statutory_figures.h"

namespace tracker::net
{
namespace
{
// Điều 8 for the commune: the clusters established here (a cluster whose unit is still
// unverified makes the verdict unknown), and each one's expansion.
void setArticle8(PageRequest& page, const CommuneGroup& group, kainjow::mustache::data& view)
{
    persistence::ClusterRepository repository(page.site.database);
    const auto today = page.site.clock.todayInHanoi();
    std::vector<Article8Cluster> established;
    std::vector<ClusterExpansion> expansions;
    bool unverified = false;
    for (const auto& s : group.clusters)
    {
        if (!countedInCommune(s.cluster, group.unit->code))
        {
            unverified = true;
            continue;
        }
        const auto detail = repository.findDetail(s.cluster.code, 1, today);
        if (!detail)
            continue;
        Article8Cluster c{s.cluster, s.leased, detail->items};
        established.push_back(c);
        expansions.push_back(
            {s.cluster.nameVi, "/clusters/" + s.cluster.code, expansionVerdict(c)});
    }
    auto area = newClusterVerdict(established);
    if (unverified)
    {
        area.verdict = Verdict::Unknown;
        area.reasonsVi.push_back("Có cụm chưa xác minh thuộc xã, phường này hay không.");
        area.reasonsEn.push_back("Some clusters are not yet verified to lie in this unit.");
    }
    setArticle8View(view, area, expansions, page.language);
}
} // namespace

std::string communePage(PageRequest& page)
{
    const auto groups = groupByCommune(
        page.site.summaries.summaries(page.site.database, page.site.clock.todayInHanoi()));
    const auto& slug = page.match.parameters.at("slug");
    for (const auto& group : groups)
        if (group.unit->slug == slug)
        {
            auto view = communeView(group, page.language);
            setArticle8(page, group, view);
            return page.render("commune", view, group.unit->name);
        }
    return notFoundPage(page);
}

} // namespace tracker::net
