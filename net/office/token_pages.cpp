#include "net/office/form_view.h"
#include "net/office/office.h"
#include "net/office/office_forms.h"
#include "net/office/office_pages.h"
#include "net/operations/token_operations.h"
#include "tracker/clock.h"
#include "tracker/text_checks.h"

#include <Poco/Net/HTTPServerRequest.h>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using Poco::Net::HTTPResponse;

// "2026-11-27T06:00:05+07:00" as people read it: "27/11/2026 06:00" (Hanoi time).
std::string shownInstant(const std::string& rfc3339)
{
    if (rfc3339.size() < 16)
        return rfc3339;
    return rfc3339.substr(8, 2) + "/" + rfc3339.substr(5, 2) + "/" + rfc3339.substr(0, 4) + " " +
           rfc3339.substr(11, 5);
}

std::string shownInstant(const std::optional<long long>& unixSeconds, const std::string& none)
{
    return unixSeconds ? shownInstant(rfc3339InHanoi(*unixSeconds)) : none;
}

data tokenRows(OfficeRequest& office, std::size_t& count)
{
    const long long now = office.site.clock.unixSeconds();
    data rows{data::type::list};
    count = 0;
    for (const auto& token :
         persistence::TokenRepository(office.site.database).tokensOf(office.account().id))
    {
        const std::string state = tokenState(token, now);
        data row;
        row.set("id", std::to_string(token.id));
        row.set("name", token.name.empty() ? "—" : token.name);
        row.set("created", shownInstant(token.createdAt));
        row.set("expires", shownInstant(token.expiresAt, office.text("token_no_expiry")));
        row.set("last_used", shownInstant(token.lastUsedAt, office.text("token_never_used")));
        row.set("state", office.text("token_" + state));
        row.set("active", data(state == "active"));
        row.set("csrf", office.caller.csrfToken);
        rows.push_back(row);
        ++count;
    }
    return rows;
}

FormView newTokenForm(OfficeRequest& office, const std::string& name, const std::string& days)
{
    FormView form(office.language, "/admin/tokens", office.caller.csrfToken);
    form.heading(office.text("token_create"));
    form.input("name", name, "text", office.text("token_name"));
    form.input("days", days, "text", office.text("token_days"));
    form.submit(office.text("token_create"));
    return form;
}

void showTokens(OfficeRequest& office, const FormView& form, const std::string& secret,
                HTTPResponse::HTTPStatus status)
{
    data view = form.build();
    std::size_t count = 0;
    view.set("tokens", tokenRows(office, count));
    view.set("has_tokens", data(count > 0));
    view.set("created", data(!secret.empty()));
    view.set("secret", secret);
    office.page("office_tokens", view, office.text("tokens_title"), status);
}
} // namespace

void tokensPage(OfficeRequest& office, const RouteMatch&)
{
    if (!office.requireSignIn())
        return;
    if (office.request.getMethod() != "POST")
        return showTokens(office, newTokenForm(office, "", ""), "", HTTPResponse::HTTP_OK);
    if (!office.requireCsrf())
        return;
    const auto name = office.form.get("name", "");
    const auto days = office.form.get("days", "");
    const auto result = issueToken(editorFor(office.site, office.account(), office.request), name,
                                   days, std::nullopt);
    FormView form = newTokenForm(office, result.status == EditStatus::Done ? "" : name,
                                 result.status == EditStatus::Done ? "" : days);
    auto status = HTTPResponse::HTTP_OK;
    if (!applyOutcome(office, result, form, status) && answered(status))
        return;
    // The secret goes into this one page, which is never cached, and nowhere else.
    showTokens(office, form, result.status == EditStatus::Done ? result.record.secret : "", status);
}

void revokeTokenSubmit(OfficeRequest& office, const RouteMatch& match)
{
    if (!office.requireSignIn() || !office.requireCsrf())
        return;
    const auto id = parseWholeNumberOrZero(match.parameters.at("id"));
    const auto result = revokeToken(editorFor(office.site, office.account(), office.request), id);
    if (result.status == EditStatus::NotFound)
        return office.notFound();
    office.redirect("/admin/tokens");
}

} // namespace tracker::net
