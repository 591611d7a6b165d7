#include "net/api/record_json.h"
#include "net/api/write_route.h"
#include "net/api/writes.h"
#include "net/http/responses.h"
#include "persistence/tenant_repository.h"
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
TenantDraft tenantDraft(const WriteBody& b, const TenantDraft& now)
{
    TenantDraft draft{fieldOr(b, "company_name", now.companyName),
                      fieldOr(b, "tax_code", now.taxCode),
                      fieldOr(b, "sector", now.sector),
                      fieldOr(b, "supporting_industry", now.supportingIndustry),
                      fieldOr(b, "leased_area_m2", now.leasedArea),
                      fieldOr(b, "registered_capital_vnd", now.registeredCapital),
                      fieldOr(b, "jobs", now.jobs),
                      fieldOr(b, "status", now.status),
                      fieldOr(b, "lease_start", now.leaseStart),
                      fieldOr(b, "foreign_invested", now.foreignInvested)};
    draft.confirm = field(b, "confirm"); // never carried over from the stored record
    draft.confirmReason = field(b, "confirm_reason");
    return draft;
}
} // namespace

void postTenant(const Editor& editor, const WriteBody& body, const RouteMatch& match,
                HTTPServerResponse& response)
{
    TenantDraft blank;
    blank.status = "registered";
    const auto result = createTenant(editor, match.parameters.at("code"), tenantDraft(body, blank));
    if (!answerFailure<Tenant>(result, response, tenantJson))
        return;
    Object out;
    out.set("tenant", tenantJson(result.record));
    sendCreated(response, result.replayed, out);
}

void patchTenant(const Editor& editor, const WriteBody& body, const RouteMatch& match,
                 HTTPServerResponse& response)
{
    const auto id = parseWholeNumberOrZero(match.parameters.at("id"));
    const auto now = persistence::TenantRepository(editor.database).findTenant(id);
    const auto draft = tenantDraft(body, now ? draftOf(*now) : TenantDraft{});
    const auto result = updateTenant(editor, id, draft, versionOf(body));
    if (!answerFailure<Tenant>(result, response, tenantJson))
        return;
    Object out;
    out.set("tenant", tenantJson(result.record));
    sendJson(response, HTTPResponse::HTTP_OK, out);
}

} // namespace tracker::net
