#include "net/pages/pages.h"
#include "net/views/cluster_query.h"
#include "net/views/labels.h"
#include "net/views/map_views.h"
#include "persistence/delay_flag_repository.h"

#include <Poco/Net/HTMLForm.h>

namespace tracker::net
{

// One page of open flags and, on the first, the flags resolved in the last 30 days: read a
// page at a time, with their counts, rather than every flag for every page.
std::string delaysPage(PageRequest& page)
{
    const Date today = page.site.clock.todayInHanoi();
    constexpr int kResolvedShownDays = 30;
    const int number = wholeParameter(page.form, "page", 1, 1'000'000);
    persistence::DelayFlagRepository flags(page.site.database);
    const persistence::FlagFilter open;
    const auto openCount = flags.countFlags(open);
    const PageSlice slice = slicePage(openCount.flags, number, kDelaysPerPage);
    DelayListing listing;
    listing.open = flags.flagsPage(open, slice.begin, slice.end - slice.begin);
    listing.openTotal = openCount.flags;
    listing.openClusters = openCount.clusters;
    listing.page = slice.page;
    listing.pages = slice.pages;
    if (slice.page == 1)
    {
        persistence::FlagFilter resolved;
        resolved.state = persistence::FlagFilter::State::Resolved;
        resolved.resolvedSince = today.plusDays(-kResolvedShownDays);
        listing.resolvedTotal = flags.countFlags(resolved).flags;
        listing.resolved = flags.flagsPage(resolved, 0, kDelaysPerPage);
    }
    return page.render("delays", delaysView(listing, page.language),
                       label(page.language, "delays_title"));
}

} // namespace tracker::net
