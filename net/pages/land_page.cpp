#include "net/pages/pages.h"
#include "net/views/cluster_query.h"
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
    const std::string search = canonicalLandSearch(page.form, today);
    const int number = wholeParameter(page.form, "page", 1, 1'000'000);
    auto view = landPageView(rows, all, query, today, page.language, number, search);
    view.set("search", search); // for the alert and feed links
    return page.render("land", view, label(page.language, "land_title"));
}

} // namespace tracker::net
