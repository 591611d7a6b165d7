// Investors' enquiries in the back office: the developer sees those about its clusters,
// officials those in their scope; each is marked answered or closed, version-checked.
#include "net/office/form_view.h"
#include "net/office/office.h"
#include "net/office/office_pages.h"
#include "net/views/locale.h"
#include "persistence/enquiry_repository.h"
#include "tracker/text_checks.h"

#include <Poco/Net/HTTPServerRequest.h>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using Poco::Net::HTTPResponse;

bool mayRead(OfficeRequest& office, const Enquiry& enquiry)
{
    const auto found =
        persistence::RegistryRepository(office.site.database).findClusterById(enquiry.clusterId);
    return found && may(office.account(), ClusterAction::AnswerEnquiries, *found);
}

data enquiryItem(OfficeRequest& office, const Enquiry& e)
{
    const Formatter format(office.language);
    const bool en = office.language == Language::En;
    data item;
    item.set("id", std::to_string(e.id));
    item.set("cluster", e.clusterName);
    item.set("cluster_code", e.clusterCode);
    item.set("name", e.name);
    item.set("company", e.company);
    item.set("email", e.email);
    item.set("phone", e.phone);
    item.set("area", e.areaNeeded ? format.hectares(e.areaNeeded) : std::string("—"));
    item.set("sector", e.sector);
    item.set("message", e.message);
    item.set("status", std::string(label(e.status, en)));
    item.set("status_code", std::string(code(e.status)));
    item.set("created_on", format.date(e.createdOn));
    item.set("answered_on", e.answeredOn ? format.date(*e.answeredOn) : std::string());
    return item;
}

void showEnquiry(OfficeRequest& office, const Enquiry& e, const std::string& notice,
                 HTTPResponse::HTTPStatus status)
{
    data view = enquiryItem(office, e);
    view.set("csrf", office.caller.csrfToken);
    view.set("version", std::to_string(e.version));
    data moves = data::type::list;
    for (const auto to : {EnquiryStatus::Answered, EnquiryStatus::Closed})
        if (mayMove(e.status, to))
        {
            data move;
            move.set("to", std::string(code(to)));
            move.set("label", std::string(label(to, office.language == Language::En)));
            moves.push_back(move);
        }
    view.set("moves", moves);
    view.set("notice", notice.empty() ? data(false) : data(notice));
    office.page("office_enquiry", view, office.text("enquiries_title"), status);
}
} // namespace

void enquiryListPage(OfficeRequest& office, const RouteMatch&)
{
    if (!office.requireSignIn())
        return;
    data rows = data::type::list;
    std::size_t count = 0;
    for (const auto& e : persistence::EnquiryRepository(office.site.database).list())
        if (mayRead(office, e))
        {
            rows.push_back(enquiryItem(office, e));
            ++count;
        }
    data view;
    view.set("enquiries", rows);
    view.set("none", data(count == 0));
    view.set("count", std::to_string(count));
    office.page("office_enquiries", view, office.text("enquiries_title"));
}

void enquiryPage(OfficeRequest& office, const RouteMatch& match)
{
    if (!office.requireSignIn())
        return;
    persistence::EnquiryRepository repository(office.site.database);
    const auto id = parseWholeNumberOrZero(match.parameters.at("id"));
    const auto found = repository.find(id);
    if (!found)
        return office.notFound();
    if (!office.allowed(mayRead(office, *found)))
        return;
    if (office.request.getMethod() != "POST")
        return showEnquiry(office, *found, "", HTTPResponse::HTTP_OK);
    if (!office.requireCsrf())
        return;
    const auto to = enquiryStatusFromCode(office.form.get("status", ""));
    if (!to || !mayMove(found->status, *to))
        return showEnquiry(office, *found, office.text("enquiry_bad_move"),
                           HTTPResponse::HTTP_UNPROCESSABLE_ENTITY);
    const int version = static_cast<int>(parseWholeNumberOrZero(office.form.get("version", "")));
    const auto editor = editorFor(office.site, office.account(), office.request);
    const auto result =
        repository.move(id, *to, version, office.site.clock.todayInHanoi(), editor.audit());
    if (!result.saved)
        return showEnquiry(office, result.current, office.text("enquiry_conflict"),
                           HTTPResponse::HTTP_CONFLICT);
    editor.written(found->clusterCode); // its page shows the developer's answer times
    showEnquiry(office, result.current, office.text("saved"), HTTPResponse::HTTP_OK);
}

} // namespace tracker::net
