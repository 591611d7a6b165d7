#include "support/http_client.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

namespace tracker::testing
{

HttpResult httpRequest(int port, const std::string& method, const std::string& path,
                       const std::map<std::string, std::string>& headers, const std::string& body)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    for (const auto& [name, value] : headers)
        request.set(name, value);
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& received = session.receiveResponse(response);
    HttpResult result;
    result.status = static_cast<int>(response.getStatus());
    result.contentType = response.getContentType();
    result.allow = response.get("Allow", "");
    result.etag = response.get("ETag", "");
    result.setCookie = response.get("Set-Cookie", "");
    for (auto it = response.find("Set-Cookie"); it != response.end() && it->first == "Set-Cookie";
         ++it)
        result.setCookies.push_back(it->second);
    result.location = response.get("Location", "");
    result.csp = response.get("Content-Security-Policy", "");
    result.nosniff = response.get("X-Content-Type-Options", "");
    result.disposition = response.get("Content-Disposition", "");
    result.contentEncoding = response.get("Content-Encoding", "");
    result.vary = response.get("Vary", "");
    result.cacheControl = response.get("Cache-Control", "");
    Poco::StreamCopier::copyToString(received, result.body);
    return result;
}

Poco::JSON::Object::Ptr HttpResult::json() const
{
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
}

} // namespace tracker::testing
