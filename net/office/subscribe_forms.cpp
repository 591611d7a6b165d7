// Self-service subscriptions with double opt-in, no account needed: the weekly delay digest
// for a cluster, a commune or everything, or alerts for a saved search of /land.
//   GET/POST /subscribe              the request: only a confirmation email is sent
//   GET/POST /subscriptions/confirm  the link in it: shows a button, the POST confirms once
//   GET      /subscriptions/manage   every subscription of the address, by a token link
#include "net/access/credentials.h"
#include "net/access/form_token.h"
#include "net/http/errors.h"
#include "net/jobs/land_alerts.h"
#include "net/jobs/unsubscribe_tokens.h"
#include "net/office/form_view.h"
#include "net/office/office.h"
#include "net/office/office_pages.h"
#include "net/operations/known_scopes.h"
#include "net/views/investor_mail.h"
#include "net/views/land_search.h"
#include "net/views/subscription_views.h"
#include "persistence/cluster_facts_repository.h"
#include "persistence/mail_repository.h"
#include "persistence/opt_in_repository.h"
#include "tracker/email_address.h"
#include "tracker/text_checks.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace tracker::net
{
namespace
{
using Poco::Net::HTTPResponse;

constexpr int kLinkHours = 48;
constexpr int kConfirmationsPerDay = 3;

std::string withLanguage(const OfficeRequest& office, const std::string& path)
{
    if (office.language != Language::En)
        return path;
    return path + (path.find('?') == std::string::npos ? "?lang=en" : "&lang=en");
}

void message(OfficeRequest& office, const std::string& titleKey, const std::string& text,
             HTTPResponse::HTTPStatus status, const std::string& href = "/",
             const std::string& linkText = "")
{
    kainjow::mustache::data view;
    view.set("message", text);
    view.set("href", withLanguage(office, href));
    view.set("link_text", linkText.empty() ? office.text("site_home") : linkText);
    office.page("public_message", view, office.text(titleKey), status);
}

// The scope the request names, checked: "all", "commune:CODE", "district:NAME",
// "cluster:CODE" or "land" with /land's parameters beside it (made canonical).
std::optional<Subscription> wantedScope(OfficeRequest& office)
{
    Subscription wanted;
    const std::string scope = office.form.get("scope", "all");
    if (scope == "land")
    {
        try
        {
            const std::string saved = office.form.get("search", "");
            const auto form = saved.empty() ? office.form : landSearchForm(saved);
            wanted.scopeKind = "land";
            wanted.scopeValue = canonicalLandSearch(form, office.site.clock.todayInHanoi());
            return wanted;
        }
        catch (const BadParameter&)
        {
            return std::nullopt;
        }
    }
    const auto parsed = parseDigestScope(scope);
    if (!parsed || !KnownScopes(office.site.database, office.site.units).contains(*parsed))
        return std::nullopt;
    wanted.scopeKind = parsed->kind;
    wanted.scopeValue = parsed->value;
    return wanted;
}

void showRequestForm(OfficeRequest& office, const Subscription& wanted, const std::string& email,
                     const std::string& name, const FieldErrors& errors,
                     HTTPResponse::HTTPStatus status)
{
    FormView form(office.language, withLanguage(office, "/subscribe"),
                  issueFormToken(office.request, office.response, office.site.auth.secureCookies));
    const std::string what = scopeLabel(wanted, office.site.units, office.language);
    form.heading(
        office.text(wanted.scopeKind == "land" ? "subscribe_land_title" : "subscribe_title"),
        what + ". " + office.text("subscribe_intro"));
    form.hidden("scope", wanted.scopeKind == "land" || wanted.scopeKind == "all"
                             ? wanted.scopeKind
                             : wanted.scopeKind + ":" + wanted.scopeValue);
    if (wanted.scopeKind == "land")
        form.hidden("search", wanted.scopeValue);
    form.input("email", email, "email");
    form.input("subscriber_name", name, "text");
    form.honeypot("website");
    form.submit(office.text("subscribe_button"));
    form.errors(errors);
    office.page("office_form", form.build(), office.text("subscribe_title"), status);
}

void requestSubscription(OfficeRequest& office, Subscription wanted)
{
    const std::string secret = newSecret();
    const auto& base = office.site.jobs.publicBaseUrl;
    const std::string confirmUrl =
        base + withLanguage(office, "/subscriptions/confirm?t=" + secret);
    const auto what = [&](const Subscription& s)
    { return scopeLabel(s, office.site.units, office.language); };
    wanted.language = std::string(code(office.language));
    const long long now = office.site.clock.unixSeconds();
    persistence::OptInRepository(office.site.database)
        .request(
            wanted, digestOf(secret), now + kLinkHours * 3600LL, now,
            office.site.clock.todayInHanoi(),
            unsubscribeSigner(office.site.database, office.site.jobs),
            [&](const Subscription& s)
            { return optInConfirmation(s, what(s), confirmUrl, kLinkHours); },
            office.site.jobs.messageDomain(), kConfirmationsPerDay);
    // The same answer whatever happened (sent, already subscribed, too many today), so that
    // nobody learns from this page what another address follows.
    message(office, "subscribe_check_title", office.text("subscribe_check"), HTTPResponse::HTTP_OK);
}

// A saved search starts from what matches when it is confirmed: alerts say what changes.
void recordFirstState(OfficeRequest& office, const Subscription& s)
{
    const Date today = office.site.clock.todayInHanoi();
    const auto rows = selectLand(office.site.summaries.summaries(office.site.database, today),
                                 persistence::ClusterFactsRepository(office.site.database).all(),
                                 readLandQuery(landSearchForm(s.scopeValue), today), today);
    persistence::OptInRepository(office.site.database)
        .recordAlert(s.id, "", landAlertState(rows), std::nullopt, office.site.clock.unixSeconds(),
                     today, office.site.jobs.messageDomain());
}
} // namespace

void subscribeForm(OfficeRequest& office, const RouteMatch&)
{
    const auto wanted = wantedScope(office);
    if (!wanted)
        return message(office, "subscribe_title", office.text("subscribe_bad_scope"),
                       HTTPResponse::HTTP_BAD_REQUEST);
    const std::string emailText = trimmedCopy(office.form.get("email", ""));
    const std::string name = trimmedCopy(office.form.get("subscriber_name", ""));
    if (office.request.getMethod() != "POST")
        return showRequestForm(office, *wanted, "", "", {}, HTTPResponse::HTTP_OK);
    if (!formTokenMatches(office.request, office.form.get("csrf", "")))
        return showRequestForm(office, *wanted, emailText, name,
                               {{"email", office.text("csrf_failed"), office.text("csrf_failed")}},
                               HTTPResponse::HTTP_FORBIDDEN);
    if (!office.form.get("website", "").empty())
        return message(office, "enquiry_refused_title", office.text("enquiry_refused"),
                       HTTPResponse::HTTP_BAD_REQUEST);
    FieldErrors errors;
    const auto email = normalisedEmail(emailText);
    if (!email)
        errors.push_back({"email", "Nhập một địa chỉ email hợp lệ, ví dụ ten@congty.vn.",
                          "Enter a valid email address, for example name@company.com."});
    if (!acceptableDisplayName(name))
        errors.push_back({"subscriber_name", "Tên tối đa 200 ký tự, không có ký tự điều khiển.",
                          "A name has at most 200 characters, no control characters."});
    if (!errors.empty())
        return showRequestForm(office, *wanted, emailText, name, errors,
                               HTTPResponse::HTTP_UNPROCESSABLE_ENTITY);
    Subscription subscription = *wanted;
    subscription.email = *email;
    subscription.name = name;
    requestSubscription(office, subscription);
}

void confirmSubscription(OfficeRequest& office, const RouteMatch&)
{
    const std::string secret = office.form.get("t", "");
    if (office.request.getMethod() != "POST")
    {
        // A mail scanner that follows the link must not confirm: a person presses the button.
        FormView form(office.language, withLanguage(office, "/subscriptions/confirm"), "");
        form.heading(office.text("confirm_title"), office.text("confirm_intro"));
        form.hidden("t", secret);
        form.submit(office.text("confirm_button"));
        return office.page("office_form", form.build(), office.text("confirm_title"));
    }
    const auto [outcome, subscription] =
        persistence::OptInRepository(office.site.database)
            .confirm(digestOf(secret), office.site.clock.unixSeconds(),
                     office.site.clock.todayInHanoi());
    if (outcome == persistence::ConfirmOutcome::Expired)
        return message(office, "confirm_title", office.text("confirm_expired"),
                       HTTPResponse::HTTP_GONE);
    if (outcome != persistence::ConfirmOutcome::Confirmed || !subscription)
        return message(office, "confirm_title", office.text("confirm_unknown"),
                       HTTPResponse::HTTP_NOT_FOUND);
    if (subscription->scopeKind == "land")
        recordFirstState(office, *subscription);
    message(office, "confirm_title",
            office.text("confirm_done") + " " +
                scopeLabel(*subscription, office.site.units, office.language) + ".",
            HTTPResponse::HTTP_OK, "/subscriptions/manage?t=" + subscription->token,
            office.text("manage_title"));
}

void manageSubscriptions(OfficeRequest& office, const RouteMatch&)
{
    const std::string token = office.form.get("t", "");
    const auto owner =
        token.empty() || !validUnsubscribeToken(office.site.database, office.site.jobs, token)
            ? std::nullopt
            : persistence::MailRepository(office.site.database).findByToken(token);
    if (!owner)
        return message(office, "manage_title", office.text("manage_unknown"),
                       HTTPResponse::HTTP_NOT_FOUND);
    kainjow::mustache::data list = kainjow::mustache::data::type::list;
    for (const auto& s : persistence::OptInRepository(office.site.database).ofEmail(owner->email))
    {
        kainjow::mustache::data row;
        row.set("what", scopeLabel(s, office.site.units, office.language));
        const bool active = s.confirmedOn && !s.unsubscribedOn;
        row.set("state", office.text(active             ? "manage_active"
                                     : s.unsubscribedOn ? "manage_ended"
                                                        : "manage_pending"));
        row.set("active", kainjow::mustache::data(active));
        row.set("token", s.token);
        if (s.scopeKind == "land")
            row.set("feed", "/land.atom?" + s.scopeValue);
        list.push_back(row);
    }
    kainjow::mustache::data view;
    view.set("email", owner->email);
    view.set("subscriptions", list);
    office.page("manage_subscriptions", view, office.text("manage_title"));
}

} // namespace tracker::net
