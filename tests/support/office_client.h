#pragma once

#include "support/http_client.h"
#include "support/running_server.h"
#include "tracker/roles.h"

#include <map>
#include <string>
#include <vector>

namespace tracker::testing
{

constexpr const char* kTestPassword = "correct horse battery staple";

// A person of one role, with a browser session and an API token.
struct Person
{
    Account account;
    std::string token;  // for Authorization: Bearer
    std::string cookie; // "tracker_session=…", empty when signed out
    std::string csrf;   // the session's CSRF token
};

// Creates the account (password kTestPassword) and an API token for it.
Person createPerson(RunningServer& running, const std::string& email, Role role,
                    std::vector<std::string> districts = {}, std::vector<std::string> clusters = {},
                    std::vector<std::string> communes = {});

// Signs in through /login as a browser does; REQUIREs success.
void signIn(int port, Person& person);
// The result of POST /login with this email and password (login CSRF handled).
// `forwardedFor`: an X-Forwarded-For header, as a trusted proxy in front would send.
HttpResult attemptSignIn(int port, const std::string& email, const std::string& password,
                         const std::string& next = "/admin", const std::string& forwardedFor = "");

std::string urlEncodeForm(const std::map<std::string, std::string>& fields);
// POSTs a form with the person's session cookie; the session's CSRF token is added unless
// `fields` has its own "csrf".
HttpResult postForm(int port, const Person& person, const std::string& path,
                    std::map<std::string, std::string> fields);
// POSTs a multipart form with one file field named "file" (and the session's CSRF token).
HttpResult postUpload(int port, const Person& person, const std::string& path,
                      std::map<std::string, std::string> fields, const std::string& file);
HttpResult getAs(int port, const Person& person, const std::string& path);
// A JSON write with the person's API token.
HttpResult sendJson(int port, const Person& person, const std::string& method,
                    const std::string& path, const std::string& json);

// The value of the first hidden input named `name` in an HTML page.
std::string hiddenValue(const std::string& html, const std::string& name);
std::string cookieValue(const std::vector<std::string>& setCookies, const std::string& name);

} // namespace tracker::testing
