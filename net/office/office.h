#pragma once

#include "net/access/auth.h"
#include "net/http/router.h"
#include "net/site_context.h"
#include "net/views/locale.h"
#include "persistence/registry_repository.h"
#include "tracker/roles.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/PartHandler.h>
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

// The file part of an upload form, taken only after the form's CSRF token: the template
// puts the token first, so a request without it is refused before its file is read.
class UploadPart : public Poco::Net::PartHandler
{
public:
    // Thrown by handlePart() for a file that comes before the session's token.
    struct Refused
    {
    };
    void expect(const Poco::Net::HTMLForm& fieldsSoFar, const Caller& caller)
    {
        _form = &fieldsSoFar;
        _caller = &caller;
    }

protected:
    void admit() const
    {
        if (!_form || !_caller || !csrfMatches(*_caller, _form->get("csrf", "")))
            throw Refused{};
    }

private:
    const Poco::Net::HTMLForm* _form = nullptr;
    const Caller* _caller = nullptr;
};

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
    bool uploadRefused = false; // a file part came without the session's CSRF token before it

    OfficeRequest(SiteContext& site, Poco::Net::HTTPServerRequest& request,
                  Poco::Net::HTTPServerResponse& response, UploadPart* files = nullptr);

    std::string path() const;
    std::string text(const std::string& key) const; // the label in the reader's language
    const Account& account() const { return *caller.account; }
    std::string address() const { return clientAddress(request, site.auth); }

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
