#pragma once

#include "net/http/errors.h"
#include "net/http/router.h"
#include "net/site_context.h"

namespace tracker::net
{

// The site's error answers: the database's own failure (503) beside Poco's, and for
// browsers an HTML page in the reader's language — the cached not-found page for any
// unknown path outside /api/, an error page for the rest when the client accepts HTML.
// API clients and everything under /api/ get the JSON body of net/http/errors.h.
class SiteErrorAnswers : public ErrorAnswers
{
public:
    explicit SiteErrorAnswers(SiteContext& site);

    Failure classify(const std::exception& error) const override;
    void answer(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                Failure failure, const std::string& allowed) const override;
    void answerBadParameter(Poco::Net::HTTPServerRequest& request,
                            Poco::Net::HTTPServerResponse& response,
                            const BadParameter& bad) const override;

private:
    void errorPage(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                   Failure failure, const std::string& detail = "") const;

    SiteContext& _site;
    RouteAction _notFound;
};

} // namespace tracker::net
