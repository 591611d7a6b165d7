#include "net/access/credentials.h"
#include "net/office/form_view.h"
#include "net/office/office.h"
#include "net/office/office_pages.h"
#include "persistence/account_repository.h"
#include "persistence/sign_in_repository.h"
#include "tracker/sign_in_throttle.h"

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <algorithm>

namespace tracker::net
{
namespace
{
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;

constexpr const char* kLoginCookie = "tracker_login";

std::string loginCookie(const HTTPServerRequest& request)
{
    if (!request.has("Cookie"))
        return {};
    Poco::Net::NameValueCollection cookies;
    request.getCookies(cookies);
    return cookies.get(kLoginCookie, "");
}

// A fresh token for the sign-in form, and the cookie it must match.
std::string issueLoginToken(OfficeRequest& office)
{
    const std::string token = newSecret();
    Poco::Net::HTTPCookie cookie(kLoginCookie, token);
    cookie.setPath("/login");
    cookie.setHttpOnly(true);
    cookie.setSecure(office.site.auth.secureCookies);
    cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
    office.response.addCookie(cookie);
    return token;
}

// Only a path on this site: never "//evil.example" or "https://…". Browsers drop tabs and
// line breaks from a Location and read "\\" as "/", so "/\t/evil.example" would leave the
// site too: any control character refuses the path.
std::string safeNext(const std::string& next)
{
    const bool control =
        std::any_of(next.begin(), next.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
    if (control || next.size() < 2 || next[0] != '/' || next[1] == '/' || next[1] == '\\')
        return "/admin";
    return next;
}

void showLogin(OfficeRequest& office, const std::string& email, const std::string& problem,
               HTTPResponse::HTTPStatus status)
{
    FormView form(office.language, "/login", issueLoginToken(office));
    form.heading(office.text("login_title"));
    form.hidden("next", safeNext(office.form.get("next", "/admin")));
    form.input("email", email, "email");
    form.input("password", "", "password");
    form.submit(office.text("login_button"));
    if (!problem.empty())
        form.errors({{"password", problem, problem}});
    office.page("office_form", form.build(), office.text("login_title"), status);
}

std::string lowercaseAscii(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// Checking a password against nothing costs as much as against a real hash, so that the
// time of an answer does not tell which emails have accounts.
const std::string& decoyHash()
{
    static const std::string hash = hashPassword(newSecret());
    return hash;
}

// Seconds this attempt (`id`) must wait, from the other failures recorded.
long long waitBefore(OfficeRequest& office, persistence::SignInRepository& signIns,
                     const std::string& email, const std::string& address, std::int64_t id)
{
    const auto& auth = office.site.auth;
    const long long now = office.site.clock.unixSeconds();
    const long long window = auth.failureWindowMinutes * 60LL, since = now - window;
    return std::max(throttleWait(signIns.failuresOfPair(email, address, since, id),
                                 auth.maxFailuresPerAccount, window, now),
                    throttleWait(signIns.failuresOfAddress(address, since, id),
                                 auth.maxFailuresPerAddress, window, now));
}

void signIn(OfficeRequest& office)
{
    if (!sameSecret(loginCookie(office.request), office.form.get("csrf", "")))
        return showLogin(office, "", office.text("csrf_failed"), HTTPResponse::HTTP_FORBIDDEN);
    const std::string email = lowercaseAscii(office.form.get("email", ""));
    const std::string password = office.form.get("password", "");
    const std::string address = office.address();
    persistence::SignInRepository signIns(office.site.database);
    // Counted as a failure before the check, so that concurrent guesses each see those
    // before them; forgotten on success, or when the attempt is told to wait.
    const auto attempt =
        signIns.recordAttempt(email.substr(0, 254), address, office.site.clock.unixSeconds());
    if (const auto wait = waitBefore(office, signIns, email.substr(0, 254), address, attempt))
    {
        signIns.forgetAttempt(attempt);
        office.response.set("Retry-After", std::to_string(wait));
        return showLogin(office, email, office.text("login_throttled"),
                         HTTPResponse::HTTP_TOO_MANY_REQUESTS);
    }
    const auto stored = persistence::AccountRepository(office.site.database).findByEmail(email);
    const bool passwordOk = verifyPassword(stored ? stored->passwordHash : decoyHash(), password);
    if (!stored || !stored->active || !passwordOk)
        return showLogin(office, email, office.text("login_failed"),
                         HTTPResponse::HTTP_UNAUTHORIZED);
    signIns.clearFailures(email.substr(0, 254), address);
    startSession(office.site, office.site.auth, stored->account, office.request, office.response);
    office.redirect(safeNext(office.form.get("next", "/admin")));
}

void showPasswordForm(OfficeRequest& office, const FieldErrors& errors, const std::string& notice,
                      HTTPResponse::HTTPStatus status)
{
    FormView form(office.language, "/account/password", office.caller.csrfToken);
    form.heading(office.text("password_title"));
    form.input("current_password", "", "password");
    form.input("new_password", "", "password");
    form.errors(errors);
    form.notice(notice);
    office.page("office_form", form.build(), office.text("password_title"), status);
}

void changePassword(OfficeRequest& office)
{
    persistence::AccountRepository accounts(office.site.database);
    const auto stored = accounts.findByEmail(office.account().email);
    const std::string next = office.form.get("new_password", "");
    FieldErrors errors;
    if (!stored || !verifyPassword(stored->passwordHash, office.form.get("current_password", "")))
        errors.push_back({"current_password", "Mật khẩu hiện tại không đúng.",
                          "The current password is wrong."});
    if (!acceptablePassword(next))
        errors.push_back({"new_password", "Mật khẩu mới cần từ 12 ký tự trở lên.",
                          "The new password needs 12 characters or more."});
    if (!errors.empty())
        return showPasswordForm(office, errors, "", HTTPResponse::HTTP_UNPROCESSABLE_ENTITY);
    accounts.setPassword(
        office.account().id, hashPassword(next),
        {office.account().email, office.address(), office.site.clock.nowRfc3339()});
    // Every session ended with the old password; this browser gets a new one.
    office.caller.csrfToken = startSession(office.site, office.site.auth, office.account(),
                                           office.request, office.response);
    showPasswordForm(office, {}, office.text("password_changed"), HTTPResponse::HTTP_OK);
}
} // namespace

void loginForm(OfficeRequest& office, const RouteMatch&)
{
    showLogin(office, "", "", HTTPResponse::HTTP_OK);
}

void loginSubmit(OfficeRequest& office, const RouteMatch&)
{
    signIn(office);
}

void logout(OfficeRequest& office, const RouteMatch&)
{
    if (!office.requireSignIn() || !office.requireCsrf())
        return;
    endSession(office.site, office.caller, office.site.auth, office.response);
    office.redirect("/");
}

void passwordForm(OfficeRequest& office, const RouteMatch&)
{
    if (office.requireSignIn())
        showPasswordForm(office, {}, "", HTTPResponse::HTTP_OK);
}

void passwordSubmit(OfficeRequest& office, const RouteMatch&)
{
    if (office.requireSignIn() && office.requireCsrf())
        changePassword(office);
}

} // namespace tracker::net
