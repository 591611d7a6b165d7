#include "net/pages/pages.h"
#include "net/views/labels.h"
#include "net/views/land_search.h"
#include "net/views/land_views.h"
#include "persistence/cluster_facts_repository.h"

namespace tracker::net
{

std::string landPage(PageRequest& page)
{
    const auto today = page.site.clock.todayInHanoi();
    const auto query = readLandQuery(page.form, today);
    const auto all = page.site.summaries.summaries(page.site.database, today);
    const auto facts = persistence::ClusterFactsRepository(page.site.database).all();
    const auto rows = selectLand(all, facts, query, today);
    auto view = landPageView(rows, all, query, today, page.language);
    view.set("search", canonicalLandSearch(page.form, today)); // for the alert and feed links
    return page.render("land", view, label(page.language, "land_title"));
}

} // namespace tracker::net
