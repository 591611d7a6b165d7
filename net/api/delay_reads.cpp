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
std::vector<DelayFlag> flagsIn(SiteContext& ctx, const std::string& district,
                               const std::string& state)
{
    persistence::DelayFlagRepository repository(ctx.database);
    auto flags =
        state == "open" ? repository.openFlags() : repository.flagsTouchedSince(Date{1970, 1, 1});
    std::erase_if(flags,
                  [&](const DelayFlag& f)
                  {
                      return (!district.empty() && f.district != district) ||
                             (state == "resolved" && !f.resolvedOn);
                  });
    return flags;
}
} // namespace

Rendered listDelays(SiteContext& ctx, const Form& form, const RouteMatch&)
{
    requireOneOf(form, "state", {"open", "resolved", "all"});
    const std::string state = form.get("state", "").empty() ? "open" : form.get("state");
    const auto flags = flagsIn(ctx, form.get("district", ""), state);
    const int perPage =
        wholeParameter(form, "per_page", ClusterQuery::kPageSize, ClusterQuery::kMaxPageSize);
    const PageSlice slice =
        slicePage(flags.size(), wholeParameter(form, "page", 1, 1'000'000), perPage);
    const Date today = ctx.clock.todayInHanoi();
    Poco::JSON::Array list;
    for (std::size_t i = slice.begin; i < slice.end; ++i)
        list.add(delayJson(flags[i]));
    Poco::JSON::Object body;
    setPaging(body, flags.size(), slice, perPage);
    body.set("as_of", today.iso());
    body.set("state", state);
    body.set("delays", list);
    return json(body);
}

Rendered delaysFeed(SiteContext& ctx, const Form& form, const RouteMatch&)
{
    return Rendered{delaysAtom(flagsIn(ctx, "", "open"), ctx.clock.todayInHanoi(),
                               requestedLanguage(form), ctx.jobs.publicBaseUrl),
                    "application/atom+xml; charset=utf-8",
                    HTTPResponse::HTTP_OK,
                    {}};
}

} // namespace tracker::net
