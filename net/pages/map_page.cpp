#include "net/pages/pages.h"
#include "net/views/districts.h"
#include "net/views/labels.h"
#include "net/views/map_views.h"
#include "persistence/cluster_repository.h"

#include <Poco/Net/HTMLForm.h>

namespace tracker::net
{

std::string mapPage(PageRequest& page)
{
    persistence::ClusterRepository repository(page.site.database);
    const auto districts = groupByDistrict(
        page.site.summaries.summaries(page.site.database, page.site.clock.todayInHanoi()));
    return page.render("map", mapView(districts, page.site.map, page.language),
                       label(page.language, "nav_map"));
}

} // namespace tracker::net
