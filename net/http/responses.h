#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPResponse.h>
#include <string>

namespace Poco::Net
{
class HTTPServerResponse;
}

namespace tracker::net
{

void sendJson(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
              const Poco::JSON::Object& body);

// {"error": {"status": 404, "code": "not_found", "message": "..."}}
Poco::JSON::Object errorBody(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& code,
                             const std::string& message);
void sendJsonError(Poco::Net::HTTPServerResponse& response,
                   Poco::Net::HTTPResponse::HTTPStatus status, const std::string& code,
                   const std::string& message);

void sendText(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
              const std::string& body);

} // namespace tracker::net
