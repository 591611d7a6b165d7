#pragma once

#include <Poco/Net/HTTPResponse.h>
#include <exception>
#include <stdexcept>
#include <string>

namespace Poco::Net
{
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Poco::Net

namespace tracker::net
{

// The few ways a request can fail that get an answer of their own.
enum class Failure
{
    BadRequest,       // 400: a malformed request
    BadForm,          // 400: a malformed form
    TooLarge,         // 413: a body longer than the route takes
    NotFound,         // 404: no route has this path
    MethodNotAllowed, // 405: a route has the path, not the method
    Unavailable,      // 503: the database is down; try again
    Busy,             // 503: too much at once (password checks); try again
    Internal          // 500: anything else, logged
};

Poco::Net::HTTPResponse::HTTPStatus statusOf(Failure failure);

// A query parameter with a value its route cannot read (?status=bogus, ?page=0): answered
// 400, saying which parameter and what it takes, rather than quietly ignored.
class BadParameter : public std::runtime_error
{
public:
    BadParameter(std::string parameter, std::string allowed)
        : std::runtime_error("bad value of " + parameter), parameter(std::move(parameter)),
          allowed(std::move(allowed))
    {
    }
    std::string parameter;
    std::string allowed; // in words: "a whole number from 1", "open, resolved or all"
};

// The one place that turns a failure into an answer. The router calls it for unknown paths
// and methods and for whatever a handler lets escape. This base answers JSON and knows
// Poco's own exceptions; the site's (net/pages/error_pages.h) knows the database's and
// answers browsers with a page in their language.
class ErrorAnswers
{
public:
    virtual ~ErrorAnswers() = default;
    virtual Failure classify(const std::exception& error) const;
    // `allowed`: the methods the path takes, for 405.
    virtual void answer(Poco::Net::HTTPServerRequest& request,
                        Poco::Net::HTTPServerResponse& response, Failure failure,
                        const std::string& allowed) const;
    // 400 {"error": {...}, "parameter": …, "allowed": …}.
    virtual void answerBadParameter(Poco::Net::HTTPServerRequest& request,
                                    Poco::Net::HTTPServerResponse& response,
                                    const BadParameter& bad) const;
};

// {"error": {"status", "code", "message"}} with the message in Vietnamese and English.
void sendJsonFailure(Poco::Net::HTTPServerResponse& response, Failure failure);

} // namespace tracker::net
