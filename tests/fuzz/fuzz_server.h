#pragma once

#include "persistence/database.h"

#include <string>
#include <string_view>

namespace tracker::fuzz
{

// One real tracker for a whole fuzzing process: a fresh SQLite database seeded with the
// demo data, served on a loopback port, with an admin signed in through the real sign-in
// form (session cookie and CSRF token) and an API token. Started on first use.
struct FuzzServer
{
    int port = 0;
    std::string cookie; // "tracker_session=…"
    std::string csrf;
    std::string token; // Bearer
    persistence::Database* database = nullptr;
};
FuzzServer& server();

struct Answer
{
    int status = 0; // 0: the connection closed or timed out without an answer
    std::string body;
};
// Sends bytes as they are over a fresh loopback connection and reads one answer (10 s).
Answer sendRaw(const std::string& request);
// A request with the admin's session (and CSRF header), or the token.
std::string request(const std::string& method, const std::string& target,
                    const std::string& contentType, const std::string& body, bool withSession,
                    bool withToken);

// A finding: the server answered a 5xx other than 503 (busy), or nothing at all. Aborts, so
// that libFuzzer saves the input.
void requireCleanAnswer(const Answer& answer, std::string_view what);

// Percent-encodes every byte that is not unreserved; keeps '&' and '=' when asked, so that
// fuzzed bytes become one query string or form body of many fields.
std::string percentEncode(std::string_view bytes, bool keepSeparators);

} // namespace tracker::fuzz
