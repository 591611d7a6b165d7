#pragma once

#include "net/access/auth.h"
#include "net/http/router.h"
#include "net/site_context.h"
#include "net/views/locale.h"
#include "persistence/registry_repository.h"
#include "tracker/roles.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPResponse.h>
#include <functional>
#include <kainjow/mustache.hpp>
#include <memory>
#include <optional>
#include <string>

namespace Poco::Net
{
class HTTPServerRequest;
class HTTPServerResponse;
class PartHandler;
} // namespace Poco::Net

namespace tracker::net
{

// One back-office request, read once: the reader's language, who is asking, and the
// submitted form (query for GET, body for POST, size-limited).
struct OfficeRequest
{
    SiteContext& site;
    Poco::Net::HTTPServerRequest& request;
    Poco::Net::HTTPServerResponse& response;
    Language language = Language::Vi;
    Caller caller;
    Poco::Net::HTMLForm form;

    OfficeRequest(SiteContext& site, Poco::Net::HTTPServerRequest& request,
                  Poco::Net::HTTPServerResponse& response, Poco::Net::PartHandler* files = nullptr);

    std::string path() const;
    std::string text(const std::string& key) const; // the label in the reader's language
    const Account& account() const { return *caller.account; }

    // Each returns false after answering: a redirect to /login, or a 403 page.
    bool requireSignIn();
    bool requireCsrf();
    bool allowed(bool permitted);
    // The cluster behind a page, once the account is signed in and allowed `action` on it;
    // nothing after answering otherwise (sign-in, 404 or 403).
    std::optional<persistence::EditableCluster> clusterFor(const std::string& code,
                                                           ClusterAction action);

    void page(const std::string& templateName, kainjow::mustache::data view,
              const std::string& title,
              Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK);
    void redirect(const std::string& location);
    void notFound();
};

// A route whose action reads the request as an OfficeRequest first: what every back-office
// page does.
using OfficePage = std::function<void(OfficeRequest&, const RouteMatch&)>;
RouteAction officeRoute(SiteContext& site, OfficePage page);

} // namespace tracker::net
