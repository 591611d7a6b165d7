#include "net/http/files.h"
#include "net/office/form_view.h"
#include "net/office/office.h"
#include "net/office/office_pages.h"
#include "net/operations/bulk_import.h"
#include "net/operations/import_jobs.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <algorithm>
#include <fstream>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

constexpr std::size_t kShownErrors = 500;
// Files up to this many lines are imported within the request; larger ones in the
// background, with a page that follows their progress.
constexpr std::size_t kBackgroundLines = 2000;

// The uploaded CSV, streamed to a temporary file as it arrives (the form's size limit
// bounds it), once the form's CSRF token has come before it.
class UploadedFile : public UploadPart
{
public:
    void handlePart(const Poco::Net::MessageHeader&, std::istream& stream) override
    {
        admit();
        std::ofstream out(_file.path(), std::ios::binary | std::ios::trunc);
        Poco::StreamCopier::copyStream(stream, out);
        if (!out)
            throw std::runtime_error("cannot store the upload in " + _file.path());
        _received = true;
    }
    std::string content() const { return _received ? readFile(_file.path()) : std::string(); }

private:
    Poco::TemporaryFile _file; // removed with the request
    bool _received = false;
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

// `errorTotal`: how many errors there were; `outcome` may hold only the first ones.
data outcomeView(OfficeRequest& office, const ImportOutcome& outcome, std::size_t errorTotal)
{
    data result;
    result.set("rows", std::to_string(outcome.rows));
    result.set("records", std::to_string(outcome.records));
    result.set("written", data(outcome.written));
    result.set("error_count", std::to_string(errorTotal));
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

ImportRequest requestFrom(OfficeRequest& office, UploadedFile& file)
{
    ImportRequest request;
    request.kind = importKindFromCode(office.form.get("kind", "")).value_or(ImportKind::Tenants);
    request.csv = file.content();
    request.dryRun = office.form.has("dry_run");
    request.account = office.account();
    request.audit = {office.account().email, office.address(), office.site.clock.nowRfc3339()};
    request.today = office.site.clock.todayInHanoi();
    return request;
}

void importPage(OfficeRequest& office, UploadedFile& file, ImportJobs& jobs)
{
    if (!office.requireSignIn() || !office.allowed(may(office.account(), SiteAction::Import)))
        return;
    data view = importForm(office).build();
    if (office.request.getMethod() != "POST")
        return office.page("office_import", view, office.text("import_title"));
    if (!office.requireCsrf())
        return;
    auto request = requestFrom(office, file);
    const auto lines = std::count(request.csv.begin(), request.csv.end(), '\n');
    auto& cache = office.site.cache;
    if (static_cast<std::size_t>(lines) > kBackgroundLines)
    {
        const auto id = jobs.start(std::move(request),
                                   [&cache](const ImportOutcome& outcome)
                                   {
                                       if (outcome.written)
                                           cache.invalidate();
                                   });
        return office.redirect("/admin/import/" + id);
    }
    const auto outcome = importCsv(office.site.database, request);
    if (outcome.written)
        cache.invalidate();
    view.set("outcome", outcomeView(office, outcome, outcome.errors.size()));
    office.page("office_import", view, office.text("import_title"),
                outcome.errors.empty() ? HTTPResponse::HTTP_OK
                                       : HTTPResponse::HTTP_UNPROCESSABLE_ENTITY);
}

void progressPage(OfficeRequest& office, const ImportJobs& jobs, const std::string& id)
{
    if (!office.requireSignIn())
        return;
    const auto progress = jobs.progress(id);
    if (!progress || progress->owner != office.account().email)
        return office.notFound();
    data view = importForm(office).build();
    if (progress->finished)
        view.set("outcome", outcomeView(office, progress->outcome, progress->errorTotal));
    else if (progress->interrupted)
        view.set("interrupted",
                 office.text(progress->interruptedAfterWriting ? "import_interrupted_written"
                                                               : "import_interrupted"));
    else
    {
        data running;
        running.set("phase", office.text(progress->phase == "written" ? "import_writing"
                                                                      : "import_checking"));
        running.set("done", std::to_string(progress->done));
        running.set("total", std::to_string(progress->total));
        view.set("running", running);
        view.set("refresh_seconds", "1"); // the layout reloads the page until it is done
    }
    office.page("office_import", view, office.text("import_title"));
}
} // namespace

RouteAction importForm(SiteContext& site, std::shared_ptr<ImportJobs> jobs)
{
    return
        [&site, jobs](HTTPServerRequest& request, HTTPServerResponse& response, const RouteMatch&)
    {
        UploadedFile file;
        OfficeRequest office(site, request, response, &file);
        importPage(office, file, *jobs);
    };
}

RouteAction importProgress(SiteContext& site, std::shared_ptr<ImportJobs> jobs)
{
    return [&site, jobs](HTTPServerRequest& request, HTTPServerResponse& response,
                         const RouteMatch& match)
    {
        OfficeRequest office(site, request, response);
        progressPage(office, *jobs, match.parameters.at("id"));
    };
}

} // namespace tracker::net
