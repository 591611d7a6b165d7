#include "net/http/cached_route.h"
#include "net/http/compression.h"
#include "net/http/files.h"
#include "net/pages/pages.h"

#include <Poco/Net/HTMLForm.h>
#include <memory>

namespace tracker::net
{

RouteAction staticFile(SiteContext& site, const std::string& name, const std::string& type)
{
    const std::string body = readFile(site.staticDirectory + "/" + name);
    auto file = std::make_shared<const CachedResponse>(
        CachedResponse{body, type, strongEtag(body, 0), 0, {}, {}, gzipFor(type, body)});
    return [file](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                  const RouteMatch&) { sendPrepared(request, response, file); };
}

} // namespace tracker::net
