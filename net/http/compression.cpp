#include "net/http/compression.h"

#include <Poco/DeflatingStream.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <algorithm>
#include <sstream>

namespace tracker::net
{
namespace
{
constexpr std::size_t kSmallestWorthIt = 512; // below this gzip's header costs what it saves

bool compresses(const std::string& contentType)
{
    for (const char* type :
         {"text/", "application/json", "image/svg+xml", "application/atom+xml", "application/xml"})
        if (contentType.rfind(type, 0) == 0)
            return true;
    return false;
}
} // namespace

std::string gzipFor(const std::string& contentType, const std::string& body)
{
    if (body.size() < kSmallestWorthIt || !compresses(contentType))
        return {};
    std::ostringstream out;
    {
        Poco::DeflatingOutputStream gzip(out, Poco::DeflatingStreamBuf::STREAM_GZIP, 6);
        gzip.write(body.data(), static_cast<std::streamsize>(body.size()));
        gzip.close();
    }
    std::string compressed = out.str();
    return compressed.size() < body.size() ? compressed : std::string();
}

bool acceptsGzip(const Poco::Net::HTTPServerRequest& request)
{
    const std::string accepted = request.get("Accept-Encoding", "");
    Poco::StringTokenizer codings(
        accepted, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const auto& coding : codings)
    {
        const auto semicolon = coding.find(';');
        const std::string name = Poco::toLower(Poco::trim(coding.substr(0, semicolon)));
        if (name != "gzip" && name != "*")
            continue;
        if (semicolon == std::string::npos)
            return true;
        std::string parameters = coding.substr(semicolon + 1);
        parameters.erase(std::remove(parameters.begin(), parameters.end(), ' '), parameters.end());
        // q=0, q=0.0, q=0.00, q=0.000: refused; anything else accepted.
        if (parameters.rfind("q=0", 0) == 0 &&
            parameters.find_first_not_of("0.", 3) == std::string::npos)
            return false;
        return true;
    }
    return false;
}

} // namespace tracker::net
