#include "fuzz_server.h"

#include "net/access/credentials.h"
#include "net/app/tracker_server.h"
#include "persistence/account_repository.h"
#include "persistence/sign_in_repository.h"

#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace tracker::fuzz
{
namespace
{
const std::string kPassword = "fuzzing password 2026";
int gPort = 0; // set before the first request: server() is still being built then

int statusOf(const std::string& answer)
{
    // "HTTP/1.1 200 OK"
    if (answer.rfind("HTTP/1.", 0) != 0 || answer.size() < 12)
        return 0;
    return std::atoi(answer.substr(9, 3).c_str());
}

std::string headerValue(const std::string& answer, const std::string& name, std::size_t from = 0)
{
    const auto at = answer.find("\r\n" + name + ": ", from);
    if (at == std::string::npos)
        return {};
    const auto start = at + name.size() + 4;
    return answer.substr(start, answer.find("\r\n", start) - start);
}

void signIn(FuzzServer& s)
{
    const auto form = sendRaw("GET /login HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n\r\n");
    const auto login = headerValue(form.body, "Set-Cookie");
    const auto marker = form.body.find("name=\"csrf\" value=\"");
    if (login.empty() || marker == std::string::npos)
        std::abort();
    const auto start = marker + 19;
    const std::string loginCsrf = form.body.substr(start, form.body.find('"', start) - start);
    const std::string body = "email=fuzz%40example.vn&password=" + percentEncode(kPassword, false) +
                             "&csrf=" + loginCsrf + "&next=%2Fadmin";
    const auto answer = sendRaw("POST /login HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n"
                                "Cookie: " + login.substr(0, login.find(';')) +
                                "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
                                body);
    const auto session = headerValue(answer.body, "Set-Cookie");
    s.cookie = session.substr(0, session.find(';'));
    const auto page = sendRaw("GET /admin HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\nCookie: " +
                              s.cookie + "\r\n\r\n");
    const auto csrf = page.body.find("name=\"csrf\" value=\"");
    if (s.cookie.empty() || csrf == std::string::npos)
        std::abort();
    s.csrf = page.body.substr(csrf + 19, page.body.find('"', csrf + 19) - csrf - 19);
}

FuzzServer start()
{
    static std::unique_ptr<SystemClock> clock = std::make_unique<SystemClock>();
    const auto file = std::filesystem::temp_directory_path() /
                      ("tracker-fuzz-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(file);
    net::ServerSettings settings;
    settings.port = 0;
    settings.databaseUrl = "sqlite:" + file.string();
    settings.maxThreads = 8;
    settings.jobs.schedulerEnabled = false;
    settings.auth.maxFailuresPerAddress = 1'000'000; // fuzzed sign-ins must not lock it out
    static std::unique_ptr<net::TrackerServer> tracker;
    tracker = std::make_unique<net::TrackerServer>(settings, *clock);
    tracker->start();
    FuzzServer s;
    s.port = gPort = tracker->port();
    s.database = &tracker->database();
    Account admin;
    admin.email = "fuzz@example.vn";
    admin.name = "Fuzz";
    admin.role = Role::Admin;
    persistence::AccountRepository accounts(*s.database);
    const auto id = accounts.createUser(admin, net::hashPassword(kPassword),
                                        {"fuzz", "127.0.0.1", clock->nowRfc3339()});
    s.token = net::newSecret();
    persistence::SignInRepository(*s.database)
        .addToken(id, net::digestOf(s.token), clock->nowRfc3339(), clock->unixSeconds() + 86400);
    signIn(s);
    static std::filesystem::path databaseFile = file;
    std::atexit(
        []
        {
            tracker.reset();
            for (const char* suffix : {"", "-wal", "-shm", "-journal"})
                std::filesystem::remove(databaseFile.string() + suffix);
        });
    return s;
}
} // namespace

FuzzServer& server()
{
    static FuzzServer s = start();
    return s;
}

Answer sendRaw(const std::string& request)
{
    Poco::Net::StreamSocket socket;
    if (gPort == 0)
        server();
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(gPort)),
                   Poco::Timespan(5, 0));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    socket.setSendTimeout(Poco::Timespan(10, 0));
    Answer answer;
    try
    {
        socket.sendBytes(request.data(), static_cast<int>(request.size()));
        socket.shutdownSend();
        char buffer[65536];
        for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;)
            answer.body.append(buffer, static_cast<std::size_t>(n));
    }
    catch (const Poco::Exception&)
    {
        // a reset after the answer (a refused body) still leaves the answer read so far
    }
    answer.status = statusOf(answer.body);
    return answer;
}

std::string request(const std::string& method, const std::string& target,
                    const std::string& contentType, const std::string& body, bool withSession,
                    bool withToken)
{
    auto& s = server();
    std::string text = method + " " + target + " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n";
    if (withSession)
        // The session's CSRF token doubles as the public forms' token (their cookie), so
        // that fuzzed bodies get past both checks and reach the parsing behind them.
        text += "Cookie: " + s.cookie + "; tracker_form=" + s.csrf + "\r\nX-CSRF-Token: " +
                s.csrf + "\r\n";
    if (withToken)
        text += "Authorization: Bearer " + s.token + "\r\n";
    if (!contentType.empty())
        text += "Content-Type: " + contentType + "\r\n";
    if (method != "GET")
        text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    return text + "\r\n" + body;
}

void requireCleanAnswer(const Answer& answer, std::string_view what)
{
    if (answer.status == 0 || (answer.status >= 500 && answer.status != 503))
    {
        std::fprintf(stderr, "FINDING: %.*s answered %d:\n%.2000s\n",
                     static_cast<int>(what.size()), what.data(), answer.status,
                     answer.body.c_str());
        std::abort();
    }
}

std::string percentEncode(std::string_view bytes, bool keepSeparators)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const char c : bytes)
    {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~' ||
            (keepSeparators && (c == '&' || c == '=')))
            out += c;
        else
            out += {'%', hex[u >> 4], hex[u & 15]};
    }
    return out;
}

} // namespace tracker::fuzz
