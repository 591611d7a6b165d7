// Cookies and Authorization, as a browser or an API client could send them: the caller is
// identified (or not) and the answer is a clean one, never a 5xx.
#include "fuzz_server.h"

#include <cstdint>

using namespace tracker::fuzz;

namespace
{
// A header value cannot hold a line break: the fuzzed bytes would become framing instead.
std::string headerSafe(std::string_view text)
{
    std::string out;
    for (const char c : text)
        if (c != '\r' && c != '\n')
            out += c;
    return out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto split = input.find('\n');
    const std::string cookie = headerSafe(input.substr(0, split));
    const std::string authorization =
        split == std::string_view::npos ? std::string() : headerSafe(input.substr(split + 1));
    requireCleanAnswer(sendRaw("GET /admin HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\nCookie: " +
                               cookie + "\r\n\r\n"),
                       "a fuzzed Cookie");
    const std::string body = "{\"version\":1}";
    requireCleanAnswer(
        sendRaw("PATCH /api/v1/clusters/huu-bang HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n"
                "Authorization: " + authorization + "\r\nCookie: " + cookie +
                "\r\nContent-Type: application/json\r\nContent-Length: " +
                std::to_string(body.size()) + "\r\n\r\n" + body),
        "a fuzzed Authorization");
    return 0;
}
