#include "net/edit_api_handlers.h"

#include "net/auth.h"
#include "net/edit_operations.h"
#include "net/json_views.h"
#include "net/responses.h"
#include "persistence/edit_repository.h"
#include "tracker/enums.h"
#include "tracker/text_checks.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/StreamCopier.h>

namespace tracker::net
{
namespace
{
using Poco::JSON::Array;
using Poco::JSON::Object;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

constexpr std::streamsize kMaxBody = 1 << 20;

// Thrown for a body that is not what the route takes; answered with 400 or 413.
struct BadBody
{
    HTTPResponse::HTTPStatus status;
    std::string message;
};

Object::Ptr readBody(HTTPServerRequest& request)
{
    if (request.getContentLength() > kMaxBody)
        throw BadBody{HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
                      "Nội dung quá lớn. The body is larger than 1 MiB."};
    std::string text;
    Poco::StreamCopier::copyToString(request.stream(), text, 8192);
    if (static_cast<std::streamsize>(text.size()) > kMaxBody)
        throw BadBody{HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
                      "Nội dung quá lớn. The body is larger than 1 MiB."};
    try
    {
        Poco::JSON::Parser parser;
        auto parsed = parser.parse(text);
        if (parsed.type() == typeid(Object::Ptr))
            return parsed.extract<Object::Ptr>();
    }
    catch (const Poco::Exception&)
    {
    }
    throw BadBody{HTTPResponse::HTTP_BAD_REQUEST,
                  "Nội dung phải là một đối tượng JSON. The body must be a JSON object."};
}

// A scalar member as the text a form would send; a missing or null member is "".
std::string field(const Object::Ptr& object, const std::string& name)
{
    if (!object || !object->has(name) || object->isNull(name))
        return {};
    const auto value = object->get(name);
    if (value.isString() || value.isNumeric() || value.isBoolean())
        return value.convert<std::string>();
    return "\x01"; // an object or array where a scalar belongs: fails every check
}

// The member if present, otherwise what the record holds now: a PATCH changes only what
// it names.
std::string fieldOr(const Object::Ptr& object, const std::string& name, const std::string& now)
{
    return object->has(name) ? field(object, name) : now;
}

Array::Ptr arrayOf(const Object::Ptr& object, const std::string& name)
{
    if (!object->has(name))
        return nullptr;
    return object->getArray(name);
}

Object fieldErrorsBody(const FieldErrors& errors)
{
    auto body = errorBody(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "invalid",
                          "Dữ liệu không hợp lệ. The input is not valid.");
    Array list;
    for (const auto& error : errors)
    {
        Object item;
        item.set("field", error.field);
        item.set("message", error.en);
        item.set("message_vi", error.vi);
        list.add(item);
    }
    body.set("fields", list);
    return body;
}

Object reportJson(const ProgressReport& report, const std::string& clusterCode)
{
    Object out;
    out.set("id", report.id);
    out.set("cluster", clusterCode);
    out.set("date", report.date.iso());
    out.set("disbursed_vnd", report.disbursedToDate);
    out.set("note", report.note);
    out.set("author", report.author);
    Array items;
    for (const auto& line : report.lines)
    {
        Object item;
        item.set("work_item", line.workItemId);
        item.set("percent", line.percent);
        items.add(item);
    }
    out.set("items", items);
    return out;
}

Object clusterJson(const Cluster& c)
{
    Object out;
    const auto draft = draftOf(c);
    out.set("code", c.code);
    out.set("version", c.version);
    out.set("name_vi", draft.nameVi);
    out.set("commune", draft.commune);
    out.set("developer", draft.developer);
    out.set("total_area_m2", draft.totalArea);
    out.set("industrial_area_m2", draft.industrialArea);
    out.set("planned_investment_vnd", draft.plannedInvestment);
    out.set("status", draft.status);
    out.set("planned_start", draft.plannedStart);
    out.set("planned_finish", draft.plannedFinish);
    out.set("decision_number", draft.decisionNumber);
    out.set("source_url", draft.sourceUrl);
    out.set("source_notes", draft.sourceNotes);
    return out;
}

Object tenantJson(const Tenant& t)
{
    Object out;
    out.set("id", t.id);
    out.set("version", t.version);
    out.set("company_name", t.companyName);
    out.set("tax_code", t.taxCode);
    out.set("sector", t.sector);
    out.set("supporting_industry", t.supportingIndustry);
    out.set("leased_area_m2", t.leasedArea);
    out.set("registered_capital_vnd", t.registeredCapital);
    out.set("jobs", t.jobs);
    out.set("status", std::string(code(t.status)));
    out.set("lease_start", t.leaseStart ? t.leaseStart->iso() : std::string());
    return out;
}

// 401 or nothing: the account behind the token or the session (with its CSRF header).
std::optional<Account> apiAccount(SiteContext& ctx, HTTPServerRequest& request,
                                  HTTPServerResponse& response)
{
    const Caller caller = identify(ctx, request);
    const bool sessionOk = !caller.viaToken && csrfMatches(caller, request.get("X-CSRF-Token", ""));
    if (caller.signedIn() && (caller.viaToken || sessionOk))
        return caller.account;
    response.set("WWW-Authenticate", "Bearer realm=\"tracker\"");
    sendJsonError(response, HTTPResponse::HTTP_UNAUTHORIZED, "unauthorized",
                  "Cần đăng nhập hoặc mã truy cập hợp lệ. A valid API token is required.");
    return std::nullopt;
}

// Answers every outcome but success; true when the caller should send the success.
template <typename Record>
bool answerFailure(const EditResult<Record>& result, HTTPServerResponse& response,
                   const std::function<Object(const Record&)>& show)
{
    switch (result.status)
    {
    case EditStatus::Done:
        return true;
    case EditStatus::NotFound:
        sendJsonError(response, HTTPResponse::HTTP_NOT_FOUND, "not_found",
                      "Không tìm thấy. No such record.");
        return false;
    case EditStatus::Forbidden:
        sendJsonError(response, HTTPResponse::HTTP_FORBIDDEN, "forbidden",
                      "Tài khoản này không được sửa bản ghi này. "
                      "This account may not change this record.");
        return false;
    case EditStatus::Invalid:
        sendJson(response, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, fieldErrorsBody(result.errors));
        return false;
    case EditStatus::Conflict:
    {
        auto body = errorBody(HTTPResponse::HTTP_CONFLICT, "conflict",
                              "Bản ghi đã được người khác sửa. Someone saved a newer version; "
                              "re-apply your change to it.");
        body.set("current", show(result.record));
        Array changed;
        for (const auto& change : result.conflicts)
        {
            Object item;
            item.set("field", change.field);
            item.set("current", change.before);
            item.set("yours", change.after);
            changed.add(item);
        }
        body.set("changed", changed);
        sendJson(response, HTTPResponse::HTTP_CONFLICT, body);
        return false;
    }
    }
    return false;
}

// Runs a write route: authentication, body, the operation, and its answer.
using WriteAction =
    std::function<void(const Editor&, const Object::Ptr&, const RouteMatch&, HTTPServerResponse&)>;

RouteAction writeRoute(SiteContext& ctx, WriteAction action)
{
    return [&ctx, action](HTTPServerRequest& request, HTTPServerResponse& response,
                          const RouteMatch& match)
    {
        response.set("Cache-Control", "no-store");
        const auto account = apiAccount(ctx, request, response);
        if (!account)
            return;
        try
        {
            const auto body = readBody(request);
            action(Editor{ctx, *account, clientAddress(request)}, body, match, response);
        }
        catch (const BadBody& bad)
        {
            sendJsonError(response, bad.status, "bad_request", bad.message);
        }
    };
}

int versionOf(const Object::Ptr& body)
{
    return static_cast<int>(parseWholeNumberOrZero(field(body, "version")));
}

ReportDraft reportDraft(const Object::Ptr& body)
{
    ReportDraft draft{field(body, "date"), {}, field(body, "disbursed_vnd"), field(body, "note")};
    if (const auto items = arrayOf(body, "items"))
        for (std::size_t i = 0; i < items->size(); ++i)
        {
            const auto item = items->getObject(static_cast<unsigned>(i));
            draft.lines.push_back({field(item, "work_item"), field(item, "percent")});
        }
    return draft;
}

TenantDraft tenantDraft(const Object::Ptr& b, const TenantDraft& now)
{
    return {fieldOr(b, "company_name", now.companyName),
            fieldOr(b, "tax_code", now.taxCode),
            fieldOr(b, "sector", now.sector),
            fieldOr(b, "supporting_industry", now.supportingIndustry),
            fieldOr(b, "leased_area_m2", now.leasedArea),
            fieldOr(b, "registered_capital_vnd", now.registeredCapital),
            fieldOr(b, "jobs", now.jobs),
            fieldOr(b, "status", now.status),
            fieldOr(b, "lease_start", now.leaseStart)};
}

RegistryDraft registryDraft(const Object::Ptr& b, const RegistryDraft& now)
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

void addEditApiRoutes(Router& router, SiteContext& ctx)
{
    router.add("POST", "/api/v1/clusters/{code}/reports",
               writeRoute(ctx,
                          [](const Editor& editor, const Object::Ptr& body, const RouteMatch& match,
                             HTTPServerResponse& response)
                          {
                              const auto& code = match.parameters.at("code");
                              const auto result = submitReport(editor, code, reportDraft(body));
                              if (!answerFailure<ProgressReport>(result, response,
                                                                 [&](const ProgressReport& r)
                                                                 { return reportJson(r, code); }))
                                  return;
                              response.set("Location", "/api/v1/clusters/" + code);
                              Object out;
                              out.set("report", reportJson(result.record, code));
                              sendJson(response, HTTPResponse::HTTP_CREATED, out);
                          }));
    router.add(
        "PATCH", "/api/v1/clusters/{code}",
        writeRoute(ctx,
                   [](const Editor& editor, const Object::Ptr& body, const RouteMatch& match,
                      HTTPServerResponse& response)
                   {
                       const auto& code = match.parameters.at("code");
                       const auto now =
                           persistence::EditRepository(editor.site.database).findCluster(code);
                       const auto draft =
                           registryDraft(body, now ? draftOf(now->cluster) : RegistryDraft{});
                       const auto result = updateRegistry(editor, code, draft, versionOf(body));
                       if (!answerFailure<Cluster>(result, response, clusterJson))
                           return;
                       Object out;
                       out.set("cluster", clusterJson(result.record));
                       sendJson(response, HTTPResponse::HTTP_OK, out);
                   }));
    router.add("POST", "/api/v1/clusters/{code}/tenants",
               writeRoute(ctx,
                          [](const Editor& editor, const Object::Ptr& body, const RouteMatch& match,
                             HTTPServerResponse& response)
                          {
                              TenantDraft blank;
                              blank.status = "registered";
                              const auto result = createTenant(editor, match.parameters.at("code"),
                                                               tenantDraft(body, blank));
                              if (!answerFailure<Tenant>(result, response, tenantJson))
                                  return;
                              Object out;
                              out.set("tenant", tenantJson(result.record));
                              sendJson(response, HTTPResponse::HTTP_CREATED, out);
                          }));
    router.add("PATCH", "/api/v1/tenants/{id}",
               writeRoute(ctx,
                          [](const Editor& editor, const Object::Ptr& body, const RouteMatch& match,
                             HTTPServerResponse& response)
                          {
                              const auto id = parseWholeNumberOrZero(match.parameters.at("id"));
                              const auto now =
                                  persistence::EditRepository(editor.site.database).findTenant(id);
                              const auto draft =
                                  tenantDraft(body, now ? draftOf(*now) : TenantDraft{});
                              const auto result = updateTenant(editor, id, draft, versionOf(body));
                              if (!answerFailure<Tenant>(result, response, tenantJson))
                                  return;
                              Object out;
                              out.set("tenant", tenantJson(result.record));
                              sendJson(response, HTTPResponse::HTTP_OK, out);
                          }));
    router.add("POST", "/api/v1/clusters/{code}/baselines",
               writeRoute(ctx,
                          [](const Editor& editor, const Object::Ptr& body, const RouteMatch& match,
                             HTTPServerResponse& response)
                          {
                              std::vector<PlanDraft> plan;
                              if (const auto items = arrayOf(body, "items"))
                                  for (std::size_t i = 0; i < items->size(); ++i)
                                  {
                                      const auto item = items->getObject(static_cast<unsigned>(i));
                                      plan.push_back(
                                          {field(item, "work_item"), field(item, "planned_start"),
                                           field(item, "planned_finish"), field(item, "budget_vnd"),
                                           field(item, "kind")});
                                  }
                              // "based_on": the latest baseline the plan was drawn up from (0: none
                              // yet); when given and someone re-baselined since, the answer is 409.
                              const auto basedOn = field(body, "based_on");
                              const auto result = rebaseline(
                                  editor, match.parameters.at("code"), plan, field(body, "reason"),
                                  basedOn.empty() ? std::nullopt
                                                  : std::optional<int>(static_cast<int>(
                                                        parseWholeNumberOrZero(basedOn))));
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
                          }));
    router.add(
        "POST", "/api/v1/delays/{id}/acknowledge",
        writeRoute(ctx,
                   [](const Editor& editor, const Object::Ptr& body, const RouteMatch& match,
                      HTTPServerResponse& response)
                   {
                       const auto id = parseWholeNumberOrZero(match.parameters.at("id"));
                       const auto today = editor.site.clock.todayInHanoi();
                       const auto flagJson = [today](const persistence::DelayFlag& flag)
                       { return delayJson(flag, today); };
                       // "version": the flag's version the comment answers (optional);
                       // a newer acknowledgement since then answers 409.
                       const auto version = field(body, "version");
                       const auto result = acknowledgeDelay(
                           editor, id, field(body, "comment"),
                           version.empty() ? std::nullopt : std::optional<int>(versionOf(body)));
                       if (!answerFailure<persistence::DelayFlag>(result, response, flagJson))
                           return;
                       Object out;
                       out.set("delay", flagJson(result.record));
                       sendJson(response, HTTPResponse::HTTP_OK, out);
                   }));
}

} // namespace tracker::net
