#include "net/api/record_json.h"
#include "net/api/write_route.h"
#include "net/api/writes.h"
#include "net/http/responses.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace tracker::net
{
using Poco::JSON::Object;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerResponse;

namespace
{
ReportDraft reportDraft(const WriteBody& body)
{
    ReportDraft draft{field(body, "date"), {}, field(body, "disbursed_vnd"), field(body, "note")};
    draft.confirm = field(body, "confirm");
    draft.confirmReason = field(body, "confirm_reason");
    if (const auto items = arrayOf(body, "items"))
        for (std::size_t i = 0; i < items->size(); ++i)
        {
            const auto item = items->getObject(static_cast<unsigned>(i));
            draft.lines.push_back({field(item, "work_item"), field(item, "percent")});
        }
    return draft;
}
} // namespace

void postReport(const Editor& editor, const WriteBody& body, const RouteMatch& match,
                HTTPServerResponse& response)
{
    const auto& code = match.parameters.at("code");
    const auto result = submitReport(editor, code, reportDraft(body));
    if (!answerFailure<ProgressReport>(
            result, response, [&](const ProgressReport& r) { return reportJson(r, code); }))
        return;
    response.set("Location", "/api/v1/clusters/" + code);
    Object out;
    out.set("report", reportJson(result.record, code));
    if (!result.notices.empty())
        out.set("notices", fieldErrorsJson(result.notices));
    sendCreated(response, result.replayed, out);
}

} // namespace tracker::net
