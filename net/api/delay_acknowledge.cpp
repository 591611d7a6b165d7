#include "net/api/json_views.h"
#include "net/api/record_json.h"
#include "net/api/write_route.h"
#include "net/api/writes.h"
#include "net/http/responses.h"
#include "tracker/text_checks.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace tracker::net
{
using Poco::JSON::Object;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerResponse;

void postDelayAcknowledgement(const Editor& editor, const WriteBody& body, const RouteMatch& match,
                              HTTPServerResponse& response)
{
    const auto id = parseWholeNumberOrZero(match.parameters.at("id"));
    const auto flagJson = [](const DelayFlag& flag) { return delayJson(flag); };
    // "version": the flag's version the comment answers (optional); a newer acknowledgement
    // since then answers 409.
    const auto version = field(body, "version");
    const auto result =
        acknowledgeDelay(editor, id, field(body, "comment"),
                         version.empty() ? std::nullopt : std::optional<int>(versionOf(body)));
    if (!answerFailure<DelayFlag>(result, response, flagJson))
        return;
    Object out;
    out.set("delay", flagJson(result.record));
    sendJson(response, HTTPResponse::HTTP_OK, out);
}

} // namespace tracker::net
