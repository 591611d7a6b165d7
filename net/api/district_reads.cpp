#include "net/api/cached_api.h"
#include "net/api/json_views.h"
#include "net/api/reads.h"
#include "net/http/responses.h"
#include "net/views/districts.h"
#include "persistence/cluster_repository.h"
#include "tracker/text_checks.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTMLForm.h>

namespace tracker::net
{
using Poco::Net::HTTPResponse;

Rendered listDistricts(SiteContext& ctx, const Form&, const RouteMatch&)
{
    persistence::ClusterRepository repository(ctx.database);
    Poco::JSON::Array districts;
    for (const auto& group :
         groupByDistrict(ctx.summaries.summaries(ctx.database, ctx.clock.todayInHanoi())))
        districts.add(districtJson(group, false));
    Poco::JSON::Object body;
    body.set("total", static_cast<int>(districts.size()));
    body.set("districts", districts);
    return json(body);
}

Rendered showDistrict(SiteContext& ctx, const Form&, const RouteMatch& match)
{
    // Echoed in the error as text only when it is text: raw bytes (%FF) would make the JSON
    // ill-formed UTF-8.
    const std::string& slug = match.parameters.at("slug");
    const std::string shown = isValidUtf8(slug) && !hasControlCharacters(slug) ? slug : "?";
    persistence::ClusterRepository repository(ctx.database);
    for (const auto& group :
         groupByDistrict(ctx.summaries.summaries(ctx.database, ctx.clock.todayInHanoi())))
    {
        if (group.slug == slug)
            return json(districtJson(group, true));
    }
    return jsonError(HTTPResponse::HTTP_NOT_FOUND, "district_not_found",
                     "Không có quận, huyện nào có cụm công nghiệp với mã '" + shown +
                         "'. No district with clusters has the slug '" + shown + "'.");
}

} // namespace tracker::net
