#pragma once

#include "net/http/response_cache.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPResponse.h>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace Poco::Net
{
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Poco::Net

namespace tracker::net
{

// What a route renders: the bytes, their type and, for downloads, a file name.
struct Rendered
{
    std::string body;
    std::string contentType;
    Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK;
    std::string downloadName;  // sets Content-Disposition: attachment when not empty
    int retryAfterSeconds = 0; // a 503 that will pass: when to ask again
    bool storable = true;      // false: sent this once, not kept in the cache
};

// Sends one prepared response: ETag, 304 for a matching If-None-Match, no body for HEAD.
void sendPrepared(const Poco::Net::HTTPServerRequest& request,
                  Poco::Net::HTTPServerResponse& response,
                  const std::shared_ptr<const CachedResponse>& prepared,
                  Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK);

// Answers from the cache under `key`, rendering (and storing) on a miss. Only 200s are
// stored; anything else is sent once as rendered. The key must hold everything the
// response depends on but the data version, which the cache checks itself for `scope`.
//
// Bounded staleness: while one request renders a key that a change made stale, others for
// the same key get the previous answer at once if the change is at most `staleAllowed`
// (asked only then, not on every hit) old, instead of waiting; 0 (or no function) means
// never: a caller that may just have written.
using StaleAllowance = std::chrono::milliseconds (*)(const Poco::Net::HTTPServerRequest&);
void respondCached(ResponseCache& cache, const std::string& key,
                   const Poco::Net::HTTPServerRequest& request,
                   Poco::Net::HTTPServerResponse& response, const std::function<Rendered()>& render,
                   const std::string& scope = {}, StaleAllowance staleAllowed = nullptr);

// What a cached route's answer depends on: a route with {code} in its path
// (/clusters/{code}, /api/v1/clusters/{code}) answers about that one cluster; every other
// route about many ("": any change makes it stale).
std::string cacheScope(const std::map<std::string, std::string>& pathParameters);

// The parameters a route reads, in a fixed order. Its cache key holds these alone, so that
// ?cb=1, ?cb=2 … (or any parameter the route ignores) cannot fill the cache with copies.
using RouteParameters = std::vector<std::string>;

// `form` narrowed to `wanted`, and the text of what remains ("q=x&page=2"), in `wanted`'s
// order: the part of the cache key that comes from the query.
struct RouteQuery
{
    RouteQuery(const Poco::Net::HTMLForm& form, const RouteParameters& wanted);
    Poco::Net::HTMLForm form;
    std::string key;
};

} // namespace tracker::net
