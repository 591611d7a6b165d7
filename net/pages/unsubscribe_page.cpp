#include "net/pages/unsubscribe_page.h"

#include "net/http/bounded_body.h"
#include "net/jobs/unsubscribe_tokens.h"
#include "net/views/labels.h"
#include "persistence/mail_repository.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using Poco::Net::HTTPResponse;

constexpr std::size_t kMaxFormBytes = 4096;

void sendPage(SiteContext& ctx, Poco::Net::HTTPServerResponse& response, Language language,
              const data& view, HTTPResponse::HTTPStatus status)
{
    data layout;
    layout.set("lang", std::string(code(language)));
    layout.set("title", label(language, "unsubscribe_title"));
    layout.set("other_lang_href", std::string("/"));
    const std::string body =
        ctx.templates.renderPage("unsubscribe", view, layout, pageLabels(language));
    response.set("Cache-Control", "no-store");
    response.setStatusAndReason(status);
    response.setContentType("text/html; charset=utf-8");
    response.sendBuffer(body.data(), body.size());
}

std::optional<Subscription> subscriptionOf(SiteContext& ctx, const std::string& token)
{
    if (token.empty() || !validUnsubscribeToken(ctx.database, ctx.jobs, token))
        return std::nullopt;
    return persistence::MailRepository(ctx.database).findByToken(token);
}

Language languageOf(const std::optional<Subscription>& s)
{
    return s && s->language == "en" ? Language::En : Language::Vi;
}

void invalid(SiteContext& ctx, Poco::Net::HTTPServerResponse& response)
{
    data view;
    view.set("invalid", true);
    sendPage(ctx, response, Language::Vi, view, HTTPResponse::HTTP_NOT_FOUND);
}
} // namespace

void unsubscribeForm(SiteContext& ctx, Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response, const RouteMatch&)
{
    Poco::Net::HTMLForm form;
    loadQuery(form, request);
    const std::string token = form.get("t", "");
    const auto subscription = subscriptionOf(ctx, token);
    if (!subscription)
        return invalid(ctx, response);
    data view;
    view.set("confirm", !subscription->unsubscribedOn.has_value());
    view.set("done", subscription->unsubscribedOn.has_value());
    view.set("token", token);
    view.set("email", subscription->email);
    sendPage(ctx, response, languageOf(subscription), view, HTTPResponse::HTTP_OK);
}

void unsubscribeConfirm(SiteContext& ctx, Poco::Net::HTTPServerRequest& request,
                        Poco::Net::HTTPServerResponse& response, const RouteMatch&)
{
    Poco::Net::HTMLForm form;
    form.setFieldLimit(8);
    loadBoundedForm(form, request, response, kMaxFormBytes); // a larger body is a 413
    const std::string token = form.get("t", "");
    const auto subscription = subscriptionOf(ctx, token);
    if (!subscription)
        return invalid(ctx, response);
    persistence::MailRepository(ctx.database).unsubscribe(token, ctx.clock.todayInHanoi());
    if (form.get("List-Unsubscribe", "") == "One-Click")
    {
        response.setStatusAndReason(HTTPResponse::HTTP_OK);
        response.setContentType("text/plain; charset=utf-8");
        const std::string body = "unsubscribed\n";
        return response.sendBuffer(body.data(), body.size());
    }
    data view;
    view.set("done", true);
    sendPage(ctx, response, languageOf(subscription), view, HTTPResponse::HTTP_OK);
}

} // namespace tracker::net
