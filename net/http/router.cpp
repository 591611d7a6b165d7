#include "net/http/router.h"

#include "net/http/errors.h"
#include "net/http/request_context.h"
#include "net/http/request_metrics.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>
#include <chrono>

namespace tracker::net
{
namespace
{
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

// A proxy's X-Request-Id when it is a plain token, else a new one: logs on both sides then
// name the same request.
std::string requestIdOf(const Poco::Net::HTTPServerRequest& request)
{
    const std::string given = request.get("X-Request-Id", "");
    const bool plain = !given.empty() && given.size() <= 64 &&
                       given.find_first_not_of(
                           "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") ==
                           std::string::npos;
    return plain ? given : newRequestId();
}

// Runs one action and turns whatever it throws into an answer, never into silence.
class RouteHandler : public Poco::Net::HTTPRequestHandler
{
public:
    RouteHandler(const RouteAction& action, RouteMatch match, const ErrorAnswers& answers,
                 Poco::Logger& logger, const std::string& name, RequestMetrics* metrics)
        : _action(action), _match(std::move(match)), _answers(answers), _logger(logger),
          _name(name), _metrics(metrics)
    {
    }

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override
    {
        const auto started = std::chrono::steady_clock::now();
        auto& context = currentRequest();
        context = RequestContext{requestIdOf(request), _name};
        response.set("X-Request-Id", context.id);
        handle(request, response);
        const auto took = std::chrono::steady_clock::now() - started;
        context.status = static_cast<int>(response.getStatus());
        context.durationMs = std::chrono::duration<double, std::milli>(took).count();
        if (_metrics)
            _metrics->record(_name, context.status, took);
        // Looked up once: Logger::get takes Poco's registry lock, on every request otherwise.
        static Poco::Logger& access = Poco::Logger::get("tracker.access");
        if (access.information())
            access.information(request.getMethod() + " " + _name);
        context = RequestContext{};
    }

private:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
    {
        setSecurityHeaders(response);
        try
        {
            _action(request, response, _match);
        }
        catch (const BadParameter& bad)
        {
            if (!response.sent())
                _answers.answerBadParameter(request, response, bad);
        }
        catch (const std::exception& error)
        {
            const Failure failure = _answers.classify(error);
            log(request, failure, error);
            if (!response.sent()) // else the status line is gone; the client sees a cut response
                _answers.answer(request, response, failure, "");
        }
    }

    void log(const Poco::Net::HTTPServerRequest& request, Failure failure,
             const std::exception& error) const
    {
        const std::string what = error.what();
        if (failure == Failure::Unavailable)
            _logger.warning("database unavailable: %s", what);
        else if (failure == Failure::Internal)
            _logger.error("%s %s failed: %s", request.getMethod(), request.getURI(), what);
        else
            _logger.information("malformed request %s: %s", request.getURI(), what);
    }

    const RouteAction& _action; // owned by the router, which outlives every request
    RouteMatch _match;
    const ErrorAnswers& _answers;
    Poco::Logger& _logger;
    const std::string& _name;
    RequestMetrics* _metrics;
};

// Answers a request no route takes: unknown path, other method, malformed URI.
class FailureHandler : public Poco::Net::HTTPRequestHandler
{
public:
    FailureHandler(const ErrorAnswers& answers, Failure failure, std::string allowed = "")
        : _answers(answers), _failure(failure), _allowed(std::move(allowed))
    {
    }

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override
    {
        setSecurityHeaders(response);
        _answers.answer(request, response, _failure, _allowed);
    }

private:
    const ErrorAnswers& _answers;
    Failure _failure;
    std::string _allowed;
};
} // namespace

void Router::add(const std::string& method, const std::string& pattern, RouteAction action)
{
    _routes.push_back({method + " " + pattern, method, segments(pattern), std::move(action)});
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
        return new FailureHandler(_answers, Failure::BadRequest);
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
            return new RouteHandler(route.action, std::move(match), _answers, _logger, route.name,
                                    _metrics);
        allowed += (allowed.empty() ? "" : ", ") + route.method;
    }
    if (!allowed.empty())
        return new FailureHandler(_answers, Failure::MethodNotAllowed, allowed);
    return new FailureHandler(_answers, Failure::NotFound);
}

} // namespace tracker::net
