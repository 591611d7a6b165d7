#include "net/http/responses.h"

#include <Poco/Net/HTTPServerResponse.h>
#include <sstream>

namespace tracker::net
{
namespace
{
void send(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
          const std::string& contentType, const std::string& body)
{
    response.setStatusAndReason(status);
    response.setContentType(contentType);
    response.setContentLength(static_cast<std::streamsize>(body.size()));
    response.send() << body;
}
} // namespace

void sendJson(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
              const Poco::JSON::Object& body)
{
    std::ostringstream text;
    body.stringify(text);
    send(response, status, "application/json; charset=utf-8", text.str());
}

Poco::JSON::Object errorBody(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& code,
                             const std::string& message)
{
    Poco::JSON::Object error;
    error.set("status", static_cast<int>(status));
    error.set("code", code);
    error.set("message", message);
    Poco::JSON::Object body;
    body.set("error", error);
    return body;
}

void sendJsonError(Poco::Net::HTTPServerResponse& response,
                   Poco::Net::HTTPResponse::HTTPStatus status, const std::string& code,
                   const std::string& message)
{
    sendJson(response, status, errorBody(status, code, message));
}

void sendText(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
              const std::string& body)
{
    send(response, status, "text/plain; charset=utf-8", body);
}

} // namespace tracker::net
