#include "net/pages/pages.h"
#include "net/views/cluster_query.h"
#include "net/views/labels.h"
#include "net/views/map_views.h"
#include "persistence/delay_flag_repository.h"

#include <Poco/Net/HTMLForm.h>

namespace tracker::net
{

std::string delaysPage(PageRequest& page)
{
    const Date today = page.site.clock.todayInHanoi();
    constexpr int kResolvedShownDays = 30;
    const auto flags = persistence::DelayFlagRepository(page.site.database)
                           .flagsTouchedSince(today.plusDays(-kResolvedShownDays));
    const int number = wholeParameter(page.form, "page", 1, 1'000'000);
    return page.render("delays", delaysView(flags, page.language, number),
                       label(page.language, "delays_title"));
}

} // namespace tracker::net
