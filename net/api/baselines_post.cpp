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

namespace
{
std::vector<PlanDraft> planOf(const WriteBody& body)
{
    std::vector<PlanDraft> plan;
    if (const auto items = arrayOf(body, "items"))
        for (std::size_t i = 0; i < items->size(); ++i)
        {
            const auto item = items->getObject(static_cast<unsigned>(i));
            plan.push_back({field(item, "work_item"), field(item, "planned_start"),
                            field(item, "planned_finish"), field(item, "budget_vnd"),
                            field(item, "kind")});
        }
    return plan;
}
} // namespace

void postBaseline(const Editor& editor, const WriteBody& body, const RouteMatch& match,
                  HTTPServerResponse& response)
{
    // "based_on": the latest baseline the plan was drawn up from (0: none yet); when given
    // and someone re-baselined since, the answer is 409.
    const auto basedOn = field(body, "based_on");
    const auto result = rebaseline(
        editor, match.parameters.at("code"), planOf(body), field(body, "reason"),
        basedOn.empty() ? std::nullopt
                        : std::optional<int>(static_cast<int>(parseWholeNumberOrZero(basedOn))));
    const auto latest = [](const int& number)
    {
        Object current;
        current.set("baseline", number);
        return current;
    };
    if (!answerFailure<int>(result, response, latest))
        return;
    Object out;
    out.set("baseline", result.record);
    sendJson(response, HTTPResponse::HTTP_CREATED, out);
}

} // namespace tracker::net
