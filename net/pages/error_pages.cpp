#include "net/pages/error_pages.h"

#include "net/access/credentials.h"
#include "net/http/bounded_body.h"
#include "net/pages/pages.h"
#include "net/views/labels.h"
#include "persistence/database.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

namespace tracker::net
{
namespace
{
// The path, or nothing when the URI does not parse (answered in JSON).
std::optional<std::string> pathOf(const Poco::Net::HTTPServerRequest& request)
{
    try
    {
        return Poco::URI(request.getURI()).getPath();
    }
    catch (const Poco::Exception&)
    {
        return std::nullopt;
    }
}

bool isApi(const std::string& path)
{
    return path.rfind("/api/", 0) == 0;
}

bool acceptsHtml(const Poco::Net::HTTPServerRequest& request)
{
    return request.get("Accept", "").find("text/html") != std::string::npos;
}

std::string titleKey(Failure failure)
{
    switch (failure)
    {
    case Failure::Unavailable:
    case Failure::Busy:
        return "error_unavailable";
    case Failure::MethodNotAllowed:
        return "error_method";
    case Failure::BadRequest:
    case Failure::BadForm:
    case Failure::TooLarge:
        return "error_bad_request";
    case Failure::NotFound:
        return "not_found_title";
    case Failure::Internal:
        break;
    }
    return "error_internal";
}
} // namespace

SiteErrorAnswers::SiteErrorAnswers(SiteContext& site)
    : _site(site), _notFound(cachedPage(site, notFoundPage))
{
}

Failure SiteErrorAnswers::classify(const std::exception& error) const
{
    if (dynamic_cast<const persistence::DatabaseUnavailable*>(&error))
        return Failure::Unavailable;
    if (dynamic_cast<const PasswordCheckBusy*>(&error))
        return Failure::Busy;
    return ErrorAnswers::classify(error);
}

void SiteErrorAnswers::answer(Poco::Net::HTTPServerRequest& request,
                              Poco::Net::HTTPServerResponse& response, Failure failure,
                              const std::string& allowed) const
{
    const auto path = pathOf(request);
    if (!path || isApi(*path))
        return ErrorAnswers::answer(request, response, failure, allowed);
    if (failure == Failure::NotFound)
    {
        try
        {
            return _notFound(request, response, RouteMatch{});
        }
        catch (const std::exception&)
        {
            // the cached 404 page could not read this request (a malformed query): the plain
            // error page still answers, rather than a dropped connection
            if (response.sent())
                return;
        }
    }
    if (!acceptsHtml(request))
        return ErrorAnswers::answer(request, response, failure, allowed);
    if (!allowed.empty())
        response.set("Allow", allowed);
    errorPage(request, response, failure);
}

void SiteErrorAnswers::answerBadParameter(Poco::Net::HTTPServerRequest& request,
                                          Poco::Net::HTTPServerResponse& response,
                                          const BadParameter& bad) const
{
    const auto path = pathOf(request);
    if (!path || isApi(*path) || !acceptsHtml(request))
        return ErrorAnswers::answerBadParameter(request, response, bad);
    errorPage(request, response, Failure::BadRequest,
              "“" + bad.parameter + "”: " + bad.allowed + ".");
}

void SiteErrorAnswers::errorPage(Poco::Net::HTTPServerRequest& request,
                                 Poco::Net::HTTPServerResponse& response, Failure failure,
                                 const std::string& detail) const
{
    Poco::Net::HTMLForm query;
    try
    {
        loadQuery(query, request);
    }
    catch (const Poco::Net::HTMLFormException&)
    {
        // the query may be why this page is shown: its language comes from the cookie then
    }
    const Language language = chooseLanguage(request, query, response);
    kainjow::mustache::data view;
    view.set("title", label(language, titleKey(failure)));
    view.set("text", label(language, titleKey(failure) + "_text") +
                         (detail.empty() ? std::string() : " " + detail));
    const std::string body = _site.templates.renderPage(
        "error", view,
        layoutData(language, label(language, titleKey(failure)), *pathOf(request), query),
        pageLabels(language));
    if (failure == Failure::Unavailable || failure == Failure::Busy)
        response.set("Retry-After", "5");
    response.set("Cache-Control", "no-store");
    response.setStatusAndReason(statusOf(failure));
    response.setContentType("text/html; charset=utf-8");
    response.sendBuffer(body.data(), body.size());
}

} // namespace tracker::net
