#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace Poco
{
class Logger;
}

namespace tracker::net
{

struct RouteMatch
{
    std::map<std::string, std::string> parameters; // {code} in the pattern → value
};

using RouteAction = std::function<void(Poco::Net::HTTPServerRequest&,
                                       Poco::Net::HTTPServerResponse&, const RouteMatch&)>;

class ErrorAnswers;
class RequestMetrics;

// A table of method + path pattern → action (the site's is net/routes.cpp). Unknown paths
// get a real 404 (a factory that returns nullptr makes Poco answer 501), a known path with
// another method a 405, and every failure an action lets escape is answered by one
// ErrorAnswers (net/http/errors.h).
class Router : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    Router(Poco::Logger& logger, const ErrorAnswers& answers, RequestMetrics* metrics = nullptr)
        : _answers(answers), _logger(logger), _metrics(metrics)
    {
    }

    void add(const std::string& method, const std::string& pattern, RouteAction action);
    Poco::Net::HTTPRequestHandler*
    createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

    // Splits "/api/v1/clusters/x" against "/api/v1/clusters/{code}"; exposed for tests.
    static bool matches(const std::string& pattern, const std::string& path, RouteMatch& match);

private:
    struct Route
    {
        std::string name; // "GET /clusters/{code}": the label in /metrics
        std::string method;
        std::vector<std::string> segments; // the pattern split at '/', once
        RouteAction action;
    };
    static bool matchSegments(const std::vector<std::string>& want,
                              const std::vector<std::string>& have, RouteMatch& match);
    std::vector<Route> _routes;
    const ErrorAnswers& _answers;
    Poco::Logger& _logger;
    RequestMetrics* _metrics;
};

} // namespace tracker::net
