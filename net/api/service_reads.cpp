#include "net/access/auth.h"
#include "net/api/cached_api.h"
#include "net/api/json_views.h"
#include "net/api/reads.h"
#include "net/http/files.h"
#include "net/http/responses.h"
#include "persistence/job_repository.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace tracker::net
{
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

void health(SiteContext& site, HTTPServerRequest&, HTTPServerResponse& response, const RouteMatch&)
{
    persistence::Database& database = site.database;
    Poco::JSON::Object body;
    const bool up = database.isReachable();
    body.set("status", up ? "ok" : "unavailable");
    body.set("database", up ? "ok" : "unreachable");
    if (!up)
        response.set("Retry-After", "5");
    sendJson(response, up ? HTTPResponse::HTTP_OK : HTTPResponse::HTTP_SERVICE_UNAVAILABLE, body);
}

void listJobRuns(SiteContext& ctx, HTTPServerRequest& request, HTTPServerResponse& response,
                 const RouteMatch&)
{
    // Which host and process ran a job is for the people who run the site, not the public.
    const Caller caller = identify(ctx, request);
    const bool operators = caller.signedIn() && (caller.account->role == Role::Admin ||
                                                 caller.account->role == Role::CityOfficial);
    Poco::JSON::Array runs;
    for (const auto& run : persistence::JobRepository(ctx.database).recentRuns(100))
    {
        Poco::JSON::Object entry;
        entry.set("id", static_cast<Poco::Int64>(run.id));
        entry.set("job", run.job);
        entry.set("slot", run.slot);
        if (operators)
            entry.set("instance", run.instance);
        entry.set("started_at", run.startedAt);
        entry.set("finished_at", run.finishedAt.empty() ? Poco::Dynamic::Var()
                                                        : Poco::Dynamic::Var(run.finishedAt));
        entry.set("outcome", run.outcome);
        entry.set("detail", run.detail);
        runs.add(entry);
    }
    Poco::JSON::Object body;
    body.set("runs", runs);
    response.set("Cache-Control", "no-store");
    sendJson(response, HTTPResponse::HTTP_OK, body);
}

RouteAction openApiDocument(SiteContext& site)
{
    const std::string document = readFile(site.staticDirectory + "/openapi.json");
    return [&site, document](HTTPServerRequest& request, HTTPServerResponse& response,
                             const RouteMatch&)
    {
        respondCached(site.cache, "api|openapi.json", request, response,
                      [&] {
                          return Rendered{document, kJson, HTTPResponse::HTTP_OK, {}};
                      });
    };
}

} // namespace tracker::net
