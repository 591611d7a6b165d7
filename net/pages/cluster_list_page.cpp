#include "net/pages/pages.h"
#include "net/views/cluster_query.h"
#include "net/views/labels.h"
#include "net/views/page_views.h"
#include "persistence/cluster_repository.h"

#include <Poco/Net/HTMLForm.h>
#include <map>

namespace tracker::net
{

std::string clusterListPage(PageRequest& page)
{
    persistence::ClusterRepository repository(page.site.database);
    const auto all =
        page.site.summaries.summaries(page.site.database, page.site.clock.todayInHanoi());
    const ClusterQuery query = readClusterQuery(page.form);
    // Tenants' names matter only to a search (60,000 of them at national scale).
    const auto tenantNames = query.text.empty() ? std::map<std::int64_t, std::string>()
                                                : repository.tenantNamesByCluster();
    const auto matching = selectClusters(all, query, tenantNames);
    return page.render("clusters", clusterListView(all, matching, query, page.language),
                       label(page.language, "nav_clusters"));
}

} // namespace tracker::net
