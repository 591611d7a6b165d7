#include "net/office/office.h"

#include "net/http/bounded_body.h"
#include "net/pages/page_frame.h"
#include "net/views/labels.h"
#include "tracker/roles.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/URI.h>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using Poco::Net::HTTPResponse;

// How much of a form body is read, by who is sending it: before sign-in only the sign-in
// form's few fields; a signed-in form; a signed-in upload (whose file part, besides, must
// follow the form's CSRF token: see net/office/import_pages.cpp).
constexpr std::size_t kAnonymousFormBytes = 16 * 1024;
constexpr std::size_t kFormBytes = 256 * 1024;
constexpr std::size_t kUploadBytes = 64 * 1024 * 1024;

void loadForm(Poco::Net::HTMLForm& form, Poco::Net::HTTPServerRequest& request,
              Poco::Net::HTTPServerResponse& response, UploadPart* files, bool signedIn)
{
    form.setFieldLimit(5000);
    if (request.getMethod() != "POST")
        return loadQuery(form, request);
    loadBoundedForm(form, request, response,
                    !signedIn ? kAnonymousFormBytes
                    : files   ? kUploadBytes
                              : kFormBytes,
                    signedIn ? files : nullptr);
}
} // namespace

OfficeRequest::OfficeRequest(SiteContext& site, Poco::Net::HTTPServerRequest& request,
                             Poco::Net::HTTPServerResponse& response, UploadPart* files)
    : site(site), request(request), response(response)
{
    response.set("Cache-Control", "no-store");
    // Who is asking comes first: nobody's body is read past a few kilobytes before that.
    caller = identify(site, request);
    if (files)
        files->expect(form, caller);
    try
    {
        loadForm(form, request, response, files, caller.signedIn() && !caller.viaToken);
    }
    catch (const UploadPart::Refused&)
    {
        uploadRefused = true; // requireCsrf() answers 403; the file was never read
    }
    // ?lang= works on every page, GET or POST. Not HTMLForm(request): for a POST it parses
    // an empty body, which for a multipart form is an error.
    Poco::Net::HTMLForm query;
    loadQuery(query, request);
    language = chooseLanguage(request, query, response);
}

std::string OfficeRequest::path() const
{
    return Poco::URI(request.getURI()).getPath();
}

std::string OfficeRequest::text(const std::string& key) const
{
    return label(language, key);
}

bool OfficeRequest::requireSignIn()
{
    if (caller.signedIn() && !caller.viaToken)
        return true;
    std::string next;
    Poco::URI::encode(path(), "&=?#+ ", next);
    redirect("/login?next=" + next);
    return false;
}

bool OfficeRequest::requireCsrf()
{
    if (!uploadRefused && csrfMatches(caller, form.get("csrf", "")))
        return true;
    data view;
    view.set("message", text("csrf_failed"));
    page("office_message", view, text("forbidden_title"), HTTPResponse::HTTP_FORBIDDEN);
    return false;
}

bool OfficeRequest::allowed(bool permitted)
{
    if (permitted)
        return true;
    data view;
    view.set("message", text("forbidden"));
    page("office_message", view, text("forbidden_title"), HTTPResponse::HTTP_FORBIDDEN);
    return false;
}

std::optional<persistence::EditableCluster> OfficeRequest::clusterFor(const std::string& code,
                                                                      ClusterAction action)
{
    if (!requireSignIn())
        return std::nullopt;
    auto found = persistence::RegistryRepository(site.database).findCluster(code);
    if (!found)
    {
        notFound();
        return std::nullopt;
    }
    if (!allowed(may(account(), action, found->cluster)))
        return std::nullopt;
    return found;
}

void OfficeRequest::page(const std::string& templateName, data view, const std::string& title,
                         HTTPResponse::HTTPStatus status)
{
    view.set("title", title);
    data layout = layoutData(language, title, path(), Poco::Net::HTMLForm());
    if (const auto* refresh = view.get("refresh_seconds"))
        layout.set("refresh_seconds", *refresh);
    if (caller.signedIn() && !caller.viaToken)
    {
        data who;
        who.set("email", account().email);
        who.set("role", language == Language::Vi ? std::string(labelVi(account().role))
                                                 : std::string(labelEn(account().role)));
        who.set("csrf", caller.csrfToken);
        layout.set("signed_in", who);
    }
    const std::string body =
        site.templates.renderPage(templateName, std::move(view), layout, pageLabels(language));
    response.setStatusAndReason(status);
    response.setContentType("text/html; charset=utf-8");
    response.sendBuffer(body.data(), body.size());
}

void OfficeRequest::redirect(const std::string& location)
{
    response.set("Location", location);
    response.setStatusAndReason(HTTPResponse::HTTP_SEE_OTHER);
    response.setContentLength(0);
    response.send();
}

void OfficeRequest::notFound()
{
    data view;
    view.set("message", label(language, "not_found_text"));
    page("office_message", view, label(language, "not_found_title"), HTTPResponse::HTTP_NOT_FOUND);
}

RouteAction officeRoute(SiteContext& site, OfficePage page)
{
    return [&site, page = std::move(page)](Poco::Net::HTTPServerRequest& request,
                                           Poco::Net::HTTPServerResponse& response,
                                           const RouteMatch& match)
    {
        OfficeRequest office(site, request, response);
        page(office, match);
    };
}

} // namespace tracker::net
