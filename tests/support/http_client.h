#pragma once

#include <Poco/JSON/Object.h>
#include <map>
#include <string>
#include <vector>

namespace tracker::testing
{

struct HttpResult
{
    int status = 0;
    std::string contentType;
    std::string body;
    Poco::JSON::Object::Ptr json() const; // throws when the body is not a JSON object
    std::string allow;
    std::string etag;
    std::string setCookie;               // the first Set-Cookie
    std::vector<std::string> setCookies; // all of them
    std::string location;
    std::string csp;
    std::string nosniff;
    std::string disposition;
    std::string contentEncoding;
    std::string vary;
    std::string cacheControl;
};

HttpResult httpRequest(int port, const std::string& method, const std::string& path,
                       const std::map<std::string, std::string>& headers = {},
                       const std::string& body = "");
inline bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

inline HttpResult httpGet(int port, const std::string& path)
{
    return httpRequest(port, "GET", path);
}

} // namespace tracker::testing
