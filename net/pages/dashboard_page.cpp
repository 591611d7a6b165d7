#include "net/pages/pages.h"
#include "net/views/labels.h"
#include "net/views/page_views.h"
#include "persistence/cluster_repository.h"

#include <Poco/Net/HTMLForm.h>

namespace tracker::net
{

std::string dashboardPage(PageRequest& page)
{
    persistence::ClusterRepository repository(page.site.database);
    const auto all =
        page.site.summaries.summaries(page.site.database, page.site.clock.todayInHanoi());
    return page.render("dashboard", dashboardView(all, repository.reportedTotals(), page.language),
                       label(page.language, "dashboard_title"));
}

} // namespace tracker::net
