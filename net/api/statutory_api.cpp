#include "net/api/statutory_api.h"

#include "net/access/auth.h"
#include "net/api/reads.h"
#include "net/api/write_route.h"
#include "net/api/writes.h"
#include "net/http/bounded_body.h"
#include "net/http/responses.h"
#include "net/views/admin_units_file.h"
#include "net/views/statutory_views.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace tracker::net
{
using Poco::JSON::Array;
using Poco::JSON::Object;
using Poco::Net::HTTPResponse;

namespace
{
const char* baseUnit(IndicatorKind kind)
{
    switch (kind)
    {
    case IndicatorKind::Vnd:
        return "VND";
    case IndicatorKind::Area:
        return "m2";
    case IndicatorKind::Percent:
        return "hundredths of a per cent";
    case IndicatorKind::Income:
        return "VND per person per month";
    default:
        return "";
    }
}

Array clustersBehind(const StatutoryView& view, std::string_view no)
{
    Array clusters;
    if (view.summary)
        for (const auto& row : view.summary->rows)
            if (row.value.no == no)
                for (const auto& code : row.clusters)
                    clusters.add(code);
    return clusters;
}

} // namespace

Object statutoryJson(const StatutoryTarget& target, const StatutoryView& view)
{
    const auto& definition = definitionOf(target.form);
    const auto& report = view.report;
    Object json;
    json.set("form", std::string(code(target.form)));
    json.set("title_vi", std::string(definition.titleVi));
    json.set("title_en", std::string(definition.titleEn));
    json.set("legal_basis", "Thông tư 14/2024/TT-BCT, Phụ lục I; cấp huyện đọc là cấp xã theo "
                            "Thông tư 38/2025/TT-BCT");
    json.set("unit", target.unitKey);
    json.set("unit_name", target.unitName);
    json.set("sender_vi", std::string(definition.senderVi));
    json.set("receivers_vi", std::string(definition.receiversVi));
    json.set("period", target.period.code());
    json.set("period_name_vi", target.period.nameVi());
    json.set("period_name_en", target.period.nameEn());
    json.set("first_day", target.period.firstDay().iso());
    json.set("cut_off", target.period.lastDay().iso());
    json.set("due_before", target.period.dueBefore(target.form).iso());
    json.set("state", std::string(code(report.state)));
    json.set("state_vi", std::string(labelVi(report.state)));
    json.set("filed", view.stored);
    json.set("version", report.version);
    json.set("filed_by", report.filedBy);
    json.set("reviewed_by", report.reviewedBy);
    json.set("review_comment", report.reviewComment);
    Array indicators;
    for (const auto& indicator : definition.indicators)
    {
        Object row;
        row.set("no", std::string(indicator.no));
        row.set("name_vi", std::string(indicator.nameVi));
        row.set("name_en", std::string(indicator.nameEn));
        row.set("unit", std::string(indicator.unitVi));
        row.set("unit_en", std::string(indicator.unitEn));
        const auto* value = report.value(indicator.no);
        const bool known = value && value->value;
        row.set("value",
                known ? Poco::Dynamic::Var(indicatorInFormUnit(indicator.kind, *value->value))
                      : Poco::Dynamic::Var());
        row.set("value_exact", known ? Poco::Dynamic::Var(*value->value) : Poco::Dynamic::Var());
        row.set("value_text", known ? formatIndicator(indicator.kind, *value->value, false) : "");
        row.set("base_unit", std::string(baseUnit(indicator.kind)));
        row.set("note", value ? value->note : std::string());
        if (view.summary)
            row.set("clusters", clustersBehind(view, indicator.no));
        indicators.add(row);
    }
    json.set("indicators", indicators);
    Array missing;
    if (view.summary)
        for (const auto& line : view.summary->missing)
            missing.add(line);
    json.set("missing", missing);
    return json;
}

namespace
{
std::optional<StatutoryTarget> targetOf(persistence::Database& database, const RouteMatch& match)
{
    return resolveStatutoryTarget(database, adminUnits(), match.parameters.at("form"),
                                  match.parameters.at("unit"), match.parameters.at("period"));
}

StatutoryRequest requestOf(const WriteBody& body)
{
    StatutoryRequest request;
    const auto action = filingActionFromCode(field(body, "action"));
    if (!action)
        throw BadBody{HTTPResponse::HTTP_BAD_REQUEST,
                      "action must be save, submit, accept or return"};
    request.action = *action;
    request.expectedVersion = versionOf(body);
    request.comment = field(body, "comment");
    for (const auto* member : {"values", "notes"})
    {
        if (!body->has(member))
            continue;
        const auto object = body->getObject(member);
        if (!object)
            throw BadBody{HTTPResponse::HTTP_BAD_REQUEST,
                          std::string(member) + " must be an object keyed by indicator number"};
        auto& into = std::string(member) == "values" ? request.values : request.notes;
        for (const auto& name : object->getNames())
            into[name] = field(object, name);
    }
    return request;
}
} // namespace

void showStatutory(SiteContext& site, Poco::Net::HTTPServerRequest& request,
                   Poco::Net::HTTPServerResponse& response, const RouteMatch& match)
{
    const auto target = targetOf(site.database, match);
    if (!target)
        return sendJsonError(response, HTTPResponse::HTTP_NOT_FOUND, "statutory_report_not_found",
                             "No such form, unit or period: form is 01 to 04, unit a tenant id, "
                             "cluster code, commune code or hanoi, period like 2026-H1 or 2026-Y");
    const auto caller = identify(site, request);
    const Account nobody;
    const auto view = openStatutory(site.database, caller.account.value_or(nobody), *target);
    if (!isPublicStatutory(view) && !view.mayFile && !view.mayReview)
        return sendJsonError(response,
                             caller.signedIn() ? HTTPResponse::HTTP_FORBIDDEN
                                               : HTTPResponse::HTTP_UNAUTHORIZED,
                             "not_allowed",
                             "Only those who file, review or aggregate this form may read it "
                             "before it is accepted (Biểu 01 and 02: never public)");
    response.set("Cache-Control", "private, no-store");
    Poco::Net::HTMLForm query;
    loadQuery(query, request);
    const auto format = query.get("format", "json");
    if (format == "xlsx")
    {
        const StatutoryPageInput input{view.report, view.summary ? &*view.summary : nullptr,
                                       target->unitName, false};
        const auto bytes = statutoryXlsx(input);
        response.setStatus(HTTPResponse::HTTP_OK);
        response.setContentType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.set("Content-Disposition",
                     "attachment; filename=\"bieu-" + std::string(code(target->form)) + "-" +
                         target->unitKey + "-" + target->period.code() + ".xlsx\"");
        response.setContentLength(static_cast<std::streamsize>(bytes.size()));
        response.send().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return;
    }
    if (format != "json")
        return sendJsonError(response, HTTPResponse::HTTP_BAD_REQUEST, "bad_parameter",
                             "format must be json or xlsx");
    sendJson(response, HTTPResponse::HTTP_OK, statutoryJson(*target, view));
}

void postStatutory(const Editor& editor, const WriteBody& body, const RouteMatch& match,
                   Poco::Net::HTTPServerResponse& response)
{
    const auto target = targetOf(editor.database, match);
    if (!target)
        return sendJsonError(response, HTTPResponse::HTTP_NOT_FOUND, "statutory_report_not_found",
                             "No such form, unit or period");
    const auto result = actOnStatutory(editor, *target, requestOf(body));
    const auto show = [&](const StatutoryReport&)
    { return statutoryJson(*target, openStatutory(editor.database, editor.account, *target)); };
    if (!answerFailure<StatutoryReport>(result, response, show))
        return;
    sendJson(response, HTTPResponse::HTTP_OK, show(result.record));
}

} // namespace tracker::net
