#include "net/pages/pages.h"
#include "net/views/commune_views.h"

namespace tracker::net
{

std::string communePage(PageRequest& page)
{
    const auto groups = groupByCommune(
        page.site.summaries.summaries(page.site.database, page.site.clock.todayInHanoi()));
    const auto& slug = page.match.parameters.at("slug");
    for (const auto& group : groups)
        if (group.unit->slug == slug)
        {
            auto view = communeView(group, page.language);
            return page.render("commune", view, group.unit->name);
        }
    return notFoundPage(page);
}

} // namespace tracker::net
