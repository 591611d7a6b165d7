// The statutory forms in the back office: a form laid out like the official one, editable by
// its filer while it is a draft or returned, acted on by its reviewer once submitted; its
// printable page and its XLSX; and who has filed what in a period.
#include "net/office/office.h"
#include "net/office/office_pages.h"
#include "net/operations/statutory_operations.h"
#include "net/views/statutory_views.h"
#include "persistence/cluster_repository.h"
#include "persistence/statutory_repository.h"
#include "tracker/text_checks.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <set>

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

namespace tracker::net
{
namespace
{
data stateRow(const std::string& name, const std::string& href, const StatutoryReport* report,
              const Date& lastDay, const Date& today, Language language)
{
    const auto state = report ? report->state : FilingState::Draft;
    data row;
    row.set("name", name);
    row.set("href", href);
    row.set("state", report
                         ? std::string(language == Language::Vi ? labelVi(state) : labelEn(state))
                         : std::string(language == Language::Vi ? "Chưa lập" : "Not started"));
    row.set("state_code", report ? std::string(code(state)) : std::string("none"));
    const bool filed =
        report && (state == FilingState::Submitted || state == FilingState::Accepted);
    row.set("overdue", !filed && lastDay < today);
    return row;
}

std::map<std::string, StatutoryReport> byUnit(persistence::Database& database, StatutoryForm form,
                                              const ReportPeriod& period)
{
    std::map<std::string, StatutoryReport> reports;
    for (auto& report : persistence::StatutoryRepository(database).listFor(form, period))
        reports.emplace(report.unitKey, std::move(report));
    return reports;
}

const StatutoryReport* findIn(const std::map<std::string, StatutoryReport>& reports,
                              const std::string& key)
{
    const auto found = reports.find(key);
    return found == reports.end() ? nullptr : &found->second;
}
} // namespace

void statutoryOverview(OfficeRequest& office, const RouteMatch&)
{
    if (!office.requireSignIn())
        return;
    const auto today = office.site.clock.todayInHanoi();
    const auto period =
        ReportPeriod::parse(office.form.get("period", "")).value_or(ReportPeriod::current(today));
    const auto& account = office.account();
    auto& database = office.site.database;
    const auto developers = byUnit(database, StatutoryForm::Developer02, period);
    const auto communes = byUnit(database, StatutoryForm::Commune03, period);
    const auto city = byUnit(database, StatutoryForm::City04, period);
    data rows02{data::type::list}, rows03{data::type::list}, rows04{data::type::list};
    std::set<std::string> units;
    const auto suffix = "/" + period.code();
    for (const auto& s : persistence::ClusterRepository(database).listSummaries(today))
    {
        const auto& c = s.cluster;
        if (mayFile(account, StatutoryForm::Developer02, &c, "") ||
            mayReview(account, StatutoryForm::Developer02, &c, ""))
            rows02.push_back(stateRow(
                c.nameVi, "/admin/statutory/02/" + c.code + suffix, findIn(developers, c.code),
                period.lastDayToFile(StatutoryForm::Developer02), today, office.language));
        for (const auto& unit : c.units)
            units.insert(unit.code);
    }
    for (const auto& code : units)
    {
        const auto* unit = office.site.units.byCode(code);
        if (unit && (mayFile(account, StatutoryForm::Commune03, nullptr, code) ||
                     mayReview(account, StatutoryForm::Commune03, nullptr, code)))
            rows03.push_back(
                stateRow(unit->name, "/admin/statutory/03/" + code + suffix, findIn(communes, code),
                         period.lastDayToFile(StatutoryForm::Commune03), today, office.language));
    }
    if (mayFile(account, StatutoryForm::City04, nullptr, "") ||
        mayReview(account, StatutoryForm::City04, nullptr, ""))
        rows04.push_back(stateRow(
            "Thành phố Hà Nội", "/admin/statutory/04/hanoi" + suffix, findIn(city, "hanoi"),
            period.lastDayToFile(StatutoryForm::City04), today, office.language));
    data view;
    view.set("period", period.code());
    view.set("period_name", office.language == Language::Vi ? period.nameVi() : period.nameEn());
    view.set("cut_off", period.lastDay().vietnamese());
    const auto due = [&](StatutoryForm form) { return period.dueBefore(form).vietnamese(); };
    view.set("due_02", due(StatutoryForm::Developer02));
    view.set("due_03", due(StatutoryForm::Commune03));
    view.set("due_04", due(StatutoryForm::City04));
    view.set("rows_02", rows02);
    view.set("rows_03", rows03);
    view.set("rows_04", rows04);
    view.set("has_02", !rows02.is_empty_list());
    view.set("has_03", !rows03.is_empty_list());
    view.set("has_04", !rows04.is_empty_list());
    data periods{data::type::list};
    for (const auto& p : {ReportPeriod{period.year - 1, false}, ReportPeriod{period.year, true},
                          ReportPeriod{period.year, false}, ReportPeriod{period.year + 1, true}})
    {
        data option;
        option.set("code", p.code());
        option.set("selected", p == period);
        periods.push_back(option);
    }
    view.set("periods", periods);
    office.page("statutory_overview", view, office.text("statutory_title"));
}

} // namespace tracker::net
