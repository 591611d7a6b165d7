#include "net/router.h"

#include "net/responses.h"
#include "persistence/database.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/URI.h>

namespace tracker::net
{
namespace
{
using Poco::Net::HTTPResponse;

std::vector<std::string> segments(const std::string& path)
{
    std::vector<std::string> parts;
    std::string current;
    for (const char c : path)
    {
        if (c == '/')
        {
            parts.push_back(current);
            current.clear();
        }
        else
            current += c;
    }
    parts.push_back(current);
    return parts;
}

// On every response: no framing, no inline script, no MIME sniffing, no referrer leaks.
void setSecurityHeaders(Poco::Net::HTTPServerResponse& response)
{
    response.set("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                 "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "strict-origin-when-cross-origin");
    response.set("X-Frame-Options", "DENY");
}

// Runs one action and turns whatever it throws into an answer, never into silence.
class RouteHandler : public Poco::Net::HTTPRequestHandler
{
public:
    RouteHandler(const RouteAction& action, RouteMatch match, Poco::Logger& logger)
        : _action(action), _match(std::move(match)), _logger(logger)
    {
    }

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override
    {
        setSecurityHeaders(response);
        try
        {
            _action(request, response, _match);
        }
        catch (const persistence::DatabaseUnavailable& error)
        {
            _logger.warning("database unavailable: %s", std::string(error.what()));
            answer(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "database_unavailable",
                   "Cơ sở dữ liệu tạm thời không truy cập được. The database is unavailable; "
                   "try again shortly.");
        }
        catch (const Poco::Net::HTMLFormException&)
        {
            answer(response, HTTPResponse::HTTP_BAD_REQUEST, "bad_form",
                   "Biểu mẫu không hợp lệ hoặc quá lớn. The form is malformed or too large.");
        }
        catch (const Poco::Net::MessageException& error)
        {
            _logger.information("malformed request %s: %s", request.getURI(), error.displayText());
            answer(response, HTTPResponse::HTTP_BAD_REQUEST, "bad_request",
                   "Yêu cầu không hợp lệ. The request is malformed.");
        }
        catch (const std::exception& error)
        {
            _logger.error("%s %s failed: %s", request.getMethod(), request.getURI(),
                          std::string(error.what()));
            answer(response, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "internal_error",
                   "Lỗi máy chủ. An internal error occurred.");
        }
    }

private:
    static void answer(Poco::Net::HTTPServerResponse& response, HTTPResponse::HTTPStatus status,
                       const std::string& code, const std::string& message)
    {
        if (response.sent())
            return; // the status line is gone; the client sees a cut response
        if (status == HTTPResponse::HTTP_SERVICE_UNAVAILABLE)
            response.set("Retry-After", "5");
        sendJsonError(response, status, code, message);
    }

    const RouteAction& _action; // owned by the router, which outlives every request
    RouteMatch _match;
    Poco::Logger& _logger;
};

class FixedAnswerHandler : public Poco::Net::HTTPRequestHandler
{
public:
    FixedAnswerHandler(HTTPResponse::HTTPStatus status, std::string code, std::string message,
                       std::string allow = "")
        : _status(status), _code(std::move(code)), _message(std::move(message)),
          _allow(std::move(allow))
    {
    }

    void handleRequest(Poco::Net::HTTPServerRequest&,
                       Poco::Net::HTTPServerResponse& response) override
    {
        setSecurityHeaders(response);
        if (!_allow.empty())
            response.set("Allow", _allow);
        sendJsonError(response, _status, _code, _message);
    }

private:
    HTTPResponse::HTTPStatus _status;
    std::string _code;
    std::string _message;
    std::string _allow;
};
} // namespace

void Router::add(const std::string& method, const std::string& pattern, RouteAction action)
{
    _routes.push_back({method, segments(pattern), std::move(action)});
}

bool Router::matches(const std::string& pattern, const std::string& path, RouteMatch& match)
{
    return matchSegments(segments(pattern), segments(path), match);
}

bool Router::matchSegments(const std::vector<std::string>& want,
                           const std::vector<std::string>& have, RouteMatch& match)
{
    if (want.size() != have.size())
        return false;
    RouteMatch found;
    for (std::size_t i = 0; i < want.size(); ++i)
    {
        const auto& part = want[i];
        if (part.size() > 2 && part.front() == '{' && part.back() == '}')
        {
            if (have[i].empty())
                return false;
            found.parameters[part.substr(1, part.size() - 2)] = have[i];
        }
        else if (part != have[i])
            return false;
    }
    match = std::move(found);
    return true;
}

Poco::Net::HTTPRequestHandler*
Router::createRequestHandler(const Poco::Net::HTTPServerRequest& request)
{
    std::string path;
    try
    {
        path = Poco::URI(request.getURI()).getPath(); // decodes %XX in the path
    }
    catch (const Poco::Exception&)
    {
        return new FixedAnswerHandler(HTTPResponse::HTTP_BAD_REQUEST, "bad_request",
                                      "Địa chỉ không hợp lệ. The request URI is malformed.");
    }
    const auto pathSegments = segments(path);
    std::string allowed;
    for (const auto& route : _routes)
    {
        RouteMatch match;
        if (!matchSegments(route.segments, pathSegments, match))
            continue;
        const bool head = request.getMethod() == "HEAD" && route.method == "GET";
        if (route.method == request.getMethod() || head)
            return new RouteHandler(route.action, std::move(match), _logger);
        allowed += (allowed.empty() ? "" : ", ") + route.method;
    }
    if (!allowed.empty())
        return new FixedAnswerHandler(HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "method_not_allowed",
                                      "Phương thức không được hỗ trợ. Method not allowed.",
                                      allowed);
    if (_pageNotFound && path.rfind("/api/", 0) != 0)
        return new RouteHandler(_pageNotFound, RouteMatch{}, _logger);
    return new FixedAnswerHandler(HTTPResponse::HTTP_NOT_FOUND, "not_found",
                                  "Không tìm thấy trang. No such page.");
}

} // namespace tracker::net
