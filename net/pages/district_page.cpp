#include "net/pages/pages.h"
#include "net/views/districts.h"
#include "net/views/map_views.h"
#include "persistence/cluster_repository.h"

#include <Poco/Net/HTMLForm.h>

namespace tracker::net
{

std::string districtPage(PageRequest& page)
{
    persistence::ClusterRepository repository(page.site.database);
    const auto districts = groupByDistrict(
        page.site.summaries.summaries(page.site.database, page.site.clock.todayInHanoi()));
    const auto& slug = page.match.parameters.at("slug");
    for (const auto& district : districts)
    {
        if (district.slug == slug)
            return page.render("district",
                               districtView(district, districts, page.site.map, page.language),
                               district.name);
    }
    return notFoundPage(page);
}

} // namespace tracker::net
