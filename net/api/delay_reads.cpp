#include "net/api/cached_api.h"
#include "net/api/exports.h"
#include "net/api/json_views.h"
#include "net/api/reads.h"
#include "net/http/responses.h"
#include "net/views/cluster_query.h"
#include "persistence/delay_flag_repository.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTMLForm.h>

namespace tracker::net
{
using Poco::Net::HTTPResponse;

namespace
{
// The newest open flags a feed carries: a reader polls for what is new, and every open
// flag at once was 760 KB and 28 ms a render at national scale; /delays has them all.
constexpr std::size_t kFeedEntries = 100;

persistence::FlagFilter filterOf(const Form& form)
{
    requireOneOf(form, "state", {"open", "resolved", "all"});
    const std::string state = form.get("state", "");
    persistence::FlagFilter filter;
    filter.state = state == "resolved" ? persistence::FlagFilter::State::Resolved
                   : state == "all"    ? persistence::FlagFilter::State::All
                                       : persistence::FlagFilter::State::Open;
    filter.district = form.get("district", "");
    return filter;
}
} // namespace

Rendered listDelays(SiteContext& ctx, const Form& form, const RouteMatch&)
{
    const auto filter = filterOf(form);
    const int perPage =
        wholeParameter(form, "per_page", ClusterQuery::kPageSize, ClusterQuery::kMaxPageSize);
    const int number = wholeParameter(form, "page", 1, 1'000'000);
    persistence::DelayFlagRepository flags(ctx.database);
    const auto count = flags.countFlags(filter);
    const PageSlice slice = slicePage(count.flags, number, perPage);
    Poco::JSON::Array list;
    for (const auto& flag : flags.flagsPage(filter, slice.begin, slice.end - slice.begin))
        list.add(delayJson(flag));
    Poco::JSON::Object body;
    setPaging(body, count.flags, slice, perPage);
    body.set("as_of", ctx.clock.todayInHanoi().iso());
    body.set("state", form.get("state", "").empty() ? std::string("open") : form.get("state"));
    body.set("delays", list);
    return json(body);
}

Rendered delaysFeed(SiteContext& ctx, const Form& form, const RouteMatch&)
{
    const Language language = requestedLanguage(form);
    const auto newest =
        persistence::DelayFlagRepository(ctx.database).flagsPage({}, 0, kFeedEntries);
    return Rendered{delaysAtom(newest, ctx.clock.todayInHanoi(), language, ctx.jobs.publicBaseUrl),
                    "application/atom+xml; charset=utf-8",
                    HTTPResponse::HTTP_OK,
                    {}};
}

} // namespace tracker::net
