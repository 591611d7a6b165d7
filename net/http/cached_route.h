#pragma once

#include "net/http/response_cache.h"

#include <Poco/Net/HTTPResponse.h>
#include <functional>
#include <memory>
#include <string>

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
    std::string downloadName; // sets Content-Disposition: attachment when not empty
};

// Sends one prepared response: ETag, 304 for a matching If-None-Match, no body for HEAD.
void sendPrepared(const Poco::Net::HTTPServerRequest& request,
                  Poco::Net::HTTPServerResponse& response,
                  const std::shared_ptr<const CachedResponse>& prepared,
                  Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK);

// Answers from the cache under `key`, rendering (and storing) on a miss. Only 200s are
// stored; anything else is sent once as rendered. The key must hold everything the
// response depends on but the data version, which the cache checks itself.
void respondCached(ResponseCache& cache, const std::string& key,
                   const Poco::Net::HTTPServerRequest& request,
                   Poco::Net::HTTPServerResponse& response,
                   const std::function<Rendered()>& render);

} // namespace tracker::net
