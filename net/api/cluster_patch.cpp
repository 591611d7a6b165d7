#include "net/api/record_json.h"
#include "net/api/write_route.h"
#include "net/api/writes.h"
#include "net/http/responses.h"
#include "persistence/registry_repository.h"

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
RegistryDraft registryDraft(const WriteBody& b, const RegistryDraft& now)
{
    return {fieldOr(b, "name_vi", now.nameVi),
            fieldOr(b, "commune", now.commune),
            fieldOr(b, "developer", now.developer),
            fieldOr(b, "total_area_m2", now.totalArea),
            fieldOr(b, "industrial_area_m2", now.industrialArea),
            fieldOr(b, "planned_investment_vnd", now.plannedInvestment),
            fieldOr(b, "status", now.status),
            fieldOr(b, "planned_start", now.plannedStart),
            fieldOr(b, "planned_finish", now.plannedFinish),
            fieldOr(b, "decision_number", now.decisionNumber),
            fieldOr(b, "source_url", now.sourceUrl),
            fieldOr(b, "source_notes", now.sourceNotes)};
}
} // namespace

void patchCluster(const Editor& editor, const WriteBody& body, const RouteMatch& match,
                  HTTPServerResponse& response)
{
    const auto& code = match.parameters.at("code");
    const auto now = persistence::RegistryRepository(editor.database).findCluster(code);
    const auto draft = registryDraft(body, now ? draftOf(now->cluster) : RegistryDraft{});
    const auto result = updateRegistry(editor, code, draft, versionOf(body));
    if (!answerFailure<Cluster>(result, response, clusterJson))
        return;
    Object out;
    out.set("cluster", clusterJson(result.record));
    sendJson(response, HTTPResponse::HTTP_OK, out);
}

} // namespace tracker::net
