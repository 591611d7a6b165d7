#include "net/pages/pages.h"
#include "net/views/labels.h"
#include "net/views/page_views.h"

namespace tracker::net
{

std::string formerDistrictsPage(PageRequest& page)
{
    const auto all =
        page.site.summaries.summaries(page.site.database, page.site.clock.todayInHanoi());
    return page.render("districts", formerDistrictsView(all, page.language),
                       label(page.language, "by_district"));
}

} // namespace tracker::net
