#include "net/http/cached_route.h"

#include "net/http/buffered_response.h"
#include "net/http/compression.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace tracker::net
{
using Poco::Net::HTTPResponse;

void sendPrepared(const Poco::Net::HTTPServerRequest& request,
                  Poco::Net::HTTPServerResponse& response,
                  const std::shared_ptr<const CachedResponse>& preparedPointer,
                  HTTPResponse::HTTPStatus status)
{
    const CachedResponse& prepared = *preparedPointer;
    // A compressed body is another representation, so it has its own strong ETag.
    const bool gzip = !prepared.gzipped.empty() && acceptsGzip(request);
    const std::string etag =
        gzip ? prepared.etag.substr(0, prepared.etag.size() - 1) + "-gzip\"" : prepared.etag;
    const std::string& body = gzip ? prepared.gzipped : prepared.body;
    response.set("ETag", etag);
    response.set("Cache-Control", "no-cache");
    response.set("Vary", "Cookie, Accept-Encoding");
    if (status == HTTPResponse::HTTP_OK && request.get("If-None-Match", "") == etag)
    {
        response.setStatusAndReason(HTTPResponse::HTTP_NOT_MODIFIED);
        response.send();
        return;
    }
    response.setStatusAndReason(status);
    response.setContentType(prepared.contentType);
    if (gzip)
        response.set("Content-Encoding", "gzip");
    if (!prepared.downloadName.empty())
        response.set("Content-Disposition",
                     "attachment; filename=\"" + prepared.downloadName + "\"");
    if (request.getMethod() == "HEAD")
    {
        response.setContentLength(static_cast<std::streamsize>(body.size()));
        response.send();
        return;
    }
    // Our connections send header and body in one write, keeping the cached body alive
    // without copying it; any other response copies it.
    if (auto* buffered = dynamic_cast<BufferedResponse*>(&response))
        buffered->sendShared(preparedPointer, body.data(), body.size());
    else
        response.sendBuffer(body.data(), body.size());
}

namespace
{
constexpr std::chrono::milliseconds kFlightPatience{5000};

// Renders, stores a 200 and sends it; anything else is sent once, unstored. Returns what
// was stored (nothing for a non-200).
std::shared_ptr<const CachedResponse> renderAndStore(ResponseCache& cache, const std::string& key,
                                                     const Poco::Net::HTTPServerRequest& request,
                                                     Poco::Net::HTTPServerResponse& response,
                                                     const std::function<Rendered()>& render,
                                                     const std::string& scope)
{
    // Before reading, so that a write during the render makes the entry stale.
    const std::uint64_t version = cache.dataVersion(scope);
    cache.countRender();
    Rendered rendered = render();
    if (rendered.status != HTTPResponse::HTTP_OK || !rendered.storable)
    {
        CachedResponse sent{rendered.body,
                            rendered.contentType,
                            strongEtag(rendered.body, 0),
                            0,
                            rendered.downloadName,
                            scope,
                            {}};
        if (rendered.status == HTTPResponse::HTTP_OK) // sent once, compressed all the same
            sent.gzipped = gzipFor(sent.contentType, sent.body);
        const auto once = std::make_shared<const CachedResponse>(std::move(sent));
        if (rendered.retryAfterSeconds > 0)
            response.set("Retry-After", std::to_string(rendered.retryAfterSeconds));
        sendPrepared(request, response, once, rendered.status);
        return nullptr;
    }
    const auto stored = cache.store(key, std::move(rendered.body), rendered.contentType, version,
                                    rendered.downloadName, scope);
    sendPrepared(request, response, stored);
    return stored;
}
} // namespace

void respondCached(ResponseCache& cache, const std::string& key,
                   const Poco::Net::HTTPServerRequest& request,
                   Poco::Net::HTTPServerResponse& response, const std::function<Rendered()>& render,
                   const std::string& scope, StaleAllowance staleAllowed)
{
    if (const auto hit = cache.find(key))
    {
        sendPrepared(request, response, hit);
        return;
    }
    // Single flight: the 64 concurrent misses that follow a write render once, not 64 times.
    bool leader = false;
    const auto flight = cache.joinFlight(key, leader);
    if (!leader)
    {
        if (const auto allowed =
                staleAllowed ? staleAllowed(request) : std::chrono::milliseconds(0);
            allowed.count() > 0)
            if (const auto previous = cache.findRecentlyStale(key, allowed))
                return sendPrepared(request, response, previous);
        if (const auto landed = cache.awaitFlight(flight, kFlightPatience))
            return sendPrepared(request, response, landed);
        // the leader failed, answered other than 200, or is slow: render for ourselves
    }
    std::shared_ptr<const CachedResponse> stored;
    try
    {
        stored = renderAndStore(cache, key, request, response, render, scope);
    }
    catch (...)
    {
        if (leader)
            cache.finishFlight(key, flight, nullptr);
        throw;
    }
    if (leader)
        cache.finishFlight(key, flight, stored);
}

std::string cacheScope(const std::map<std::string, std::string>& pathParameters)
{
    const auto code = pathParameters.find("code");
    return code == pathParameters.end() ? std::string() : code->second;
}

RouteQuery::RouteQuery(const Poco::Net::HTMLForm& all, const RouteParameters& wanted)
{
    for (const auto& name : wanted)
    {
        if (!all.has(name))
            continue;
        const std::string value = all.get(name);
        form.set(name, value);
        key += name + "=" + value + "&";
    }
}

} // namespace tracker::net
