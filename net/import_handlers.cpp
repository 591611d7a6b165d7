#include "net/import_handlers.h"

#include "net/bulk_import.h"
#include "net/form_view.h"
#include "net/office.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

constexpr std::size_t kShownErrors = 500;

// Keeps the uploaded file's bytes; the form's size limit bounds them.
class UploadedFile : public Poco::Net::PartHandler
{
public:
    void handlePart(const Poco::Net::MessageHeader&, std::istream& stream) override
    {
        content.clear();
        Poco::StreamCopier::copyToString(stream, content);
    }
    std::string content;
};

FormView importForm(OfficeRequest& office)
{
    FormView form(office.language, "/admin/import", office.caller.csrfToken);
    form.heading(office.text("import_title"), office.text("import_intro"));
    form.select(
        "kind", office.form.get("kind", "tenants"),
        {{"tenants", office.text("tenants_title")}, {"reports", office.text("report_title")}});
    form.file("file");
    form.checkbox("dry_run", office.request.getMethod() != "POST" || office.form.has("dry_run"));
    form.submit(office.text("import_button"));
    return form;
}

data outcomeView(OfficeRequest& office, const ImportOutcome& outcome)
{
    data result;
    result.set("rows", std::to_string(outcome.rows));
    result.set("records", std::to_string(outcome.records));
    result.set("written", data(outcome.written));
    result.set("error_count", std::to_string(outcome.errors.size()));
    data errors{data::type::list};
    for (std::size_t i = 0; i < outcome.errors.size() && i < kShownErrors; ++i)
    {
        const auto& error = outcome.errors[i];
        data item;
        item.set("row", std::to_string(error.row));
        item.set("column", error.column);
        item.set("message", office.language == Language::Vi ? error.vi : error.en);
        errors.push_back(item);
    }
    result.set("errors", errors);
    result.set("has_errors", data(!outcome.errors.empty()));
    return result;
}

void importPage(OfficeRequest& office, UploadedFile& file)
{
    if (!office.requireSignIn() || !office.allowed(may(office.account(), SiteAction::Import)))
        return;
    data view = importForm(office).build();
    auto status = HTTPResponse::HTTP_OK;
    if (office.request.getMethod() == "POST")
    {
        if (!office.requireCsrf())
            return;
        ImportRequest request;
        request.kind =
            importKindFromCode(office.form.get("kind", "")).value_or(ImportKind::Tenants);
        request.csv = std::move(file.content);
        request.dryRun = office.form.has("dry_run");
        request.account = office.account();
        request.audit = {office.account().email, clientAddress(office.request),
                         office.site.clock.nowRfc3339()};
        request.today = office.site.clock.todayInHanoi();
        const auto outcome = importCsv(office.site.database, request);
        if (outcome.written)
            office.site.cache.invalidate();
        view.set("outcome", outcomeView(office, outcome));
        status = outcome.errors.empty() ? HTTPResponse::HTTP_OK
                                        : HTTPResponse::HTTP_UNPROCESSABLE_ENTITY;
    }
    office.page("office_import", view, office.text("import_title"), status);
}
} // namespace

void addImportRoutes(Router& router, SiteContext& ctx)
{
    for (const char* method : {"GET", "POST"})
        router.add(
            method, "/admin/import",
            [&ctx](HTTPServerRequest& request, HTTPServerResponse& response, const RouteMatch&)
            {
                UploadedFile file;
                OfficeRequest office(ctx, request, response, &file);
                importPage(office, file);
            });
}

} // namespace tracker::net
