#include "support/office_client.h"

#include "net/access/credentials.h"
#include "persistence/account_repository.h"
#include "persistence/sign_in_repository.h"

#include <Poco/URI.h>
#include <catch2/catch.hpp>

namespace tracker::testing
{

Person createPerson(RunningServer& running, const std::string& email, Role role,
                    std::vector<std::string> districts, std::vector<std::string> clusters,
                    std::vector<std::string> communes)
{
    Person person;
    person.account.email = email;
    person.account.name = email.substr(0, email.find('@'));
    person.account.role = role;
    person.account.districts = std::move(districts);
    person.account.clusters = std::move(clusters);
    person.account.communes = std::move(communes);
    persistence::AccountRepository accounts(running.storage.database());
    person.account.id = accounts.createUser(person.account, net::hashPassword(kTestPassword),
                                            {"test", "127.0.0.1", "2026-11-27T00:00:00+07:00"});
    person.token = net::newSecret();
    persistence::SignInRepository(running.storage.database())
        .addToken(person.account.id, net::digestOf(person.token), "2026-11-27T00:00:00+07:00",
                  running.clock.unixSeconds() + 90 * 86400);
    return person;
}

std::string hiddenValue(const std::string& html, const std::string& name)
{
    const std::string marker = "name=\"" + name + "\" value=\"";
    const auto at = html.find(marker);
    if (at == std::string::npos)
        return {};
    const auto start = at + marker.size();
    return html.substr(start, html.find('"', start) - start);
}

std::string cookieValue(const std::vector<std::string>& setCookies, const std::string& name)
{
    for (const auto& cookie : setCookies)
        if (cookie.rfind(name + "=", 0) == 0)
            return cookie.substr(0, cookie.find(';'));
    return {};
}

std::string urlEncodeForm(const std::map<std::string, std::string>& fields)
{
    std::string body;
    for (const auto& [name, value] : fields)
    {
        std::string n, v;
        Poco::URI::encode(name, "!#$&'()*+,/:;=?@[]", n);
        Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", v);
        body += (body.empty() ? "" : "&") + n + "=" + v;
    }
    return body;
}

HttpResult attemptSignIn(int port, const std::string& email, const std::string& password,
                         const std::string& next, const std::string& forwardedFor)
{
    const auto form = httpGet(port, "/login");
    const std::string loginCookie = cookieValue(form.setCookies, "tracker_login");
    std::map<std::string, std::string> headers{
        {"Cookie", loginCookie}, {"Content-Type", "application/x-www-form-urlencoded"}};
    if (!forwardedFor.empty())
        headers["X-Forwarded-For"] = forwardedFor;
    return httpRequest(port, "POST", "/login", headers,
                       urlEncodeForm({{"csrf", hiddenValue(form.body, "csrf")},
                                      {"email", email},
                                      {"password", password},
                                      {"next", next}}));
}

void signIn(int port, Person& person)
{
    const auto result = attemptSignIn(port, person.account.email, kTestPassword);
    REQUIRE(result.status == 303);
    person.cookie = cookieValue(result.setCookies, "tracker_session");
    REQUIRE(!person.cookie.empty());
    const auto page = httpRequest(port, "GET", "/admin", {{"Cookie", person.cookie}});
    REQUIRE(page.status == 200);
    person.csrf = hiddenValue(page.body, "csrf");
    REQUIRE(person.csrf.size() == 64);
}

HttpResult postForm(int port, const Person& person, const std::string& path,
                    std::map<std::string, std::string> fields)
{
    fields.emplace("csrf", person.csrf);
    std::map<std::string, std::string> headers{
        {"Content-Type", "application/x-www-form-urlencoded"}};
    if (!person.cookie.empty())
        headers["Cookie"] = person.cookie;
    return httpRequest(port, "POST", path, headers, urlEncodeForm(fields));
}

HttpResult postUpload(int port, const Person& person, const std::string& path,
                      std::map<std::string, std::string> fields, const std::string& file)
{
    const std::string boundary = "----trackerboundary";
    fields.emplace("csrf", person.csrf);
    std::string body;
    for (const auto& [name, value] : fields)
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name +
                "\"\r\n\r\n" + value + "\r\n";
    body += "--" + boundary +
            "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"data.csv\"\r\n"
            "Content-Type: text/csv\r\n\r\n" +
            file + "\r\n--" + boundary + "--\r\n";
    std::map<std::string, std::string> headers{
        {"Content-Type", "multipart/form-data; boundary=" + boundary}};
    if (!person.cookie.empty())
        headers["Cookie"] = person.cookie;
    return httpRequest(port, "POST", path, headers, body);
}

HttpResult getAs(int port, const Person& person, const std::string& path)
{
    if (person.cookie.empty())
        return httpGet(port, path);
    return httpRequest(port, "GET", path, {{"Cookie", person.cookie}});
}

HttpResult sendJson(int port, const Person& person, const std::string& method,
                    const std::string& path, const std::string& json)
{
    std::map<std::string, std::string> headers{{"Content-Type", "application/json"}};
    if (!person.token.empty())
        headers["Authorization"] = "Bearer " + person.token;
    return httpRequest(port, method, path, headers, json);
}

} // namespace tracker::testing
