// The statutory forms in the back office: a form laid out like the official one, editable by
// its filer while it is a draft or returned, acted on by its reviewer once submitted; its
// printable page and its XLSX; and who has filed what in a period.
#include "net/office/office.h"
#include "net/office/office_pages.h"
#include "net/operations/statutory_operations.h"
#include "net/views/statutory_views.h"
#include "persistence/statutory_repository.h"
#include "tracker/text_checks.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using Poco::Net::HTTPResponse;

std::optional<StatutoryTarget> targetOf(OfficeRequest& office, const RouteMatch& match)
{
    return resolveStatutoryTarget(office.site.database, office.site.units,
                                  match.parameters.at("form"), match.parameters.at("unit"),
                                  match.parameters.at("period"));
}

std::string baseOf(const StatutoryTarget& t)
{
    return std::string(code(t.form)) + "/" + t.unitKey + "/" + t.period.code();
}

bool open(FilingState state)
{
    return state == FilingState::Draft || state == FilingState::Returned;
}

data pageData(OfficeRequest& office, const StatutoryTarget& target, const StatutoryView& view,
              bool printable)
{
    const bool summary = view.summary.has_value();
    const bool editable = !printable && view.mayFile && open(view.report.state) && !summary;
    const StatutoryPageInput input{view.report, summary ? &*view.summary : nullptr, target.unitName,
                                   editable};
    data page = statutoryPageView(input, office.language);
    const auto base = baseOf(target);
    page.set("form_action", "/admin/statutory/" + base);
    page.set("csrf", office.caller.csrfToken);
    page.set("print_href", "/admin/statutory/" + base + "/print");
    page.set("xlsx_href", "/admin/statutory/" + base + "/xlsx");
    page.set("json_href", "/api/v1/statutory-reports/" + base);
    const bool filer = !printable && view.mayFile && open(view.report.state);
    const bool reviewer =
        !printable && view.mayReview && view.report.state == FilingState::Submitted;
    page.set("may_act", filer || reviewer);
    page.set("may_review", reviewer);
    page.set("can_save", filer && !summary);
    page.set("can_submit", filer);
    page.set("can_accept", reviewer);
    page.set("can_return", reviewer);
    return page;
}

StatutoryRequest requestFrom(const Poco::Net::HTMLForm& form)
{
    StatutoryRequest request;
    request.action = filingActionFromCode(form.get("action", "")).value_or(FilingAction::Save);
    request.expectedVersion = static_cast<int>(parseWholeNumberOrZero(form.get("version", "")));
    request.comment = form.get("comment", "");
    for (const auto& [name, value] : form)
    {
        if (name.rfind("value_", 0) == 0)
            request.values[name.substr(6)] = value;
        else if (name.rfind("note_", 0) == 0)
            request.notes[name.substr(5)] = value;
    }
    return request;
}

std::string titleOf(const StatutoryTarget& target)
{
    return "Biểu số " + std::string(code(target.form)) + " — " + target.unitName + " — " +
           target.period.code();
}

// Signed in, the form exists, and the person files, reviews or (03/04 accepted) may read it.
std::optional<std::pair<StatutoryTarget, StatutoryView>> allowedForm(OfficeRequest& office,
                                                                     const RouteMatch& match)
{
    if (!office.requireSignIn())
        return std::nullopt;
    const auto target = targetOf(office, match);
    if (!target)
    {
        office.notFound();
        return std::nullopt;
    }
    auto view = openStatutory(office.site.database, office.account(), *target);
    const bool readable =
        view.mayFile || view.mayReview ||
        (view.report.state == FilingState::Accepted &&
         (target->form == StatutoryForm::Commune03 || target->form == StatutoryForm::City04));
    if (!office.allowed(readable))
        return std::nullopt;
    return std::pair{*target, std::move(view)};
}
} // namespace

void statutoryForm(OfficeRequest& office, const RouteMatch& match)
{
    auto found = allowedForm(office, match);
    if (!found)
        return;
    auto& [target, view] = *found;
    if (office.request.getMethod() != "POST")
        return office.page("statutory", pageData(office, target, view, false), titleOf(target));
    if (!office.requireCsrf())
        return;
    const auto result = actOnStatutory(editorFor(office.site, office.account(), office.request),
                                       target, requestFrom(office.form));
    if (result.status == EditStatus::Done)
        return office.redirect("/admin/statutory/" + baseOf(target));
    if (result.status == EditStatus::Forbidden)
        return (void)office.allowed(false);
    view = openStatutory(office.site.database, office.account(), target);
    auto page = pageData(office, target, view, false);
    data errors{data::type::list};
    for (const auto& error : result.errors)
    {
        data item;
        item.set("message", office.language == Language::Vi ? error.vi : error.en);
        errors.push_back(item);
    }
    page.set("errors", errors);
    page.set("has_errors", !result.errors.empty());
    page.set("has_conflict", result.status == EditStatus::Conflict);
    office.page("statutory", page, titleOf(target),
                result.status == EditStatus::Conflict ? HTTPResponse::HTTP_CONFLICT
                                                      : HTTPResponse::HTTP_UNPROCESSABLE_ENTITY);
}

void statutoryPrint(OfficeRequest& office, const RouteMatch& match)
{
    if (auto found = allowedForm(office, match))
        office.page("statutory", pageData(office, found->first, found->second, true),
                    titleOf(found->first));
}

void statutoryXlsxDownload(OfficeRequest& office, const RouteMatch& match)
{
    auto found = allowedForm(office, match);
    if (!found)
        return;
    const auto& [target, view] = *found;
    const StatutoryPageInput input{view.report, view.summary ? &*view.summary : nullptr,
                                   target.unitName, false};
    const auto bytes = statutoryXlsx(input);
    auto& response = office.response;
    response.setStatus(HTTPResponse::HTTP_OK);
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.set("Content-Disposition", "attachment; filename=\"bieu-" +
                                            std::string(code(target.form)) + "-" + target.unitKey +
                                            "-" + target.period.code() + ".xlsx\"");
    response.set("Cache-Control", "private, no-store");
    response.setContentLength(static_cast<std::streamsize>(bytes.size()));
    response.send().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

} // namespace tracker::net
