#pragma once

#include <string>

namespace Poco::Net
{
class HTTPServerRequest;
}

namespace tracker::net
{

// The body gzip-compressed, when its type compresses (HTML, JSON, CSS, SVG, Atom, CSV) and
// it is big enough to gain; empty otherwise. Done once per cached answer, not per request.
std::string gzipFor(const std::string& contentType, const std::string& body);

// Whether the client takes gzip (Accept-Encoding: gzip, not with q=0).
bool acceptsGzip(const Poco::Net::HTTPServerRequest& request);

} // namespace tracker::net
