// The public enquiry form on each cluster (GET/POST /clusters/{code}/enquiry): an investor
// writes to the cluster's developer. It lives with the forms because it is one; it needs no
// account. Stored and passed on through the mail queue; never shown publicly.
#include "net/access/form_token.h"
#include "net/office/form_view.h"
#include "net/office/office.h"
#include "net/office/office_pages.h"
#include "net/views/investor_mail.h"
#include "persistence/account_repository.h"
#include "persistence/cluster_facts_repository.h"
#include "persistence/enquiry_repository.h"
#include "tracker/email_address.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <set>
#include <sstream>

namespace tracker::net
{
namespace
{
using Poco::Net::HTTPResponse;

constexpr int kPerAddressPerHour = 5;
constexpr int kPerEmailPerDay = 10;

std::string langSuffix(const OfficeRequest& office)
{
    return office.language == Language::En ? "?lang=en" : "";
}

EnquiryDraft draftFrom(const Poco::Net::HTMLForm& f)
{
    return {f.get("enquirer_name", ""), f.get("company", ""), f.get("email", ""),
            f.get("phone", ""),         f.get("area_ha", ""), f.get("sector", ""),
            f.get("message", ""),       f.get("consent", "")};
}

void showForm(OfficeRequest& office, const Cluster& cluster, const EnquiryDraft& draft,
              const FieldErrors& errors, HTTPResponse::HTTPStatus status)
{
    FormView form(office.language, "/clusters/" + cluster.code + "/enquiry" + langSuffix(office),
                  issueFormToken(office.request, office.response, office.site.auth.secureCookies));
    const std::string developer =
        cluster.developer.empty() ? office.text("enquiry_no_developer") : cluster.developer;
    form.heading(office.text("enquiry_title") + " — " + cluster.nameVi,
                 office.text("enquiry_intro") + " " + developer + ". " +
                     office.text("enquiry_privacy"));
    form.input("enquirer_name", draft.name, "text");
    form.input("company", draft.company, "text");
    form.input("email", draft.email, "email");
    form.input("phone", draft.phone, "tel");
    form.input("area_ha", draft.areaHa, "text");
    form.input("sector", draft.sector, "text");
    form.textarea("message", draft.message);
    form.checkbox("consent", draft.consent == "1");
    form.honeypot("website");
    form.submit(office.text("enquiry_send"));
    form.errors(errors);
    office.page("office_form", form.build(), office.text("enquiry_title"), status);
}

void showMessage(OfficeRequest& office, const Cluster& cluster, const std::string& title,
                 const std::string& message, HTTPResponse::HTTPStatus status)
{
    kainjow::mustache::data view;
    view.set("message", message);
    view.set("href", "/clusters/" + cluster.code + langSuffix(office));
    view.set("link_text", cluster.nameVi);
    office.page("public_message", view, title, status);
}

// Who receives the enquiry: the developer's accounts for this cluster, and an address in
// the developer's published contact; nobody when neither is on record.
std::vector<std::pair<std::string, std::string>> developerRecipients(OfficeRequest& office,
                                                                     const Cluster& cluster)
{
    std::vector<std::pair<std::string, std::string>> recipients;
    std::set<std::string> seen;
    for (const auto& [account, active] :
         persistence::AccountRepository(office.site.database).listAccountsWithState())
        if (active && account.role == Role::Developer &&
            may(account, ClusterAction::AnswerEnquiries, cluster) &&
            seen.insert(account.email).second)
            recipients.emplace_back(account.email, account.name);
    {
        const auto facts =
            persistence::ClusterFactsRepository(office.site.database).find(cluster.id);
        std::istringstream words(facts.developerContact);
        for (std::string word; words >> word;)
        {
            while (!word.empty() &&
                   (word.back() == ',' || word.back() == ';' || word.back() == '.'))
                word.pop_back();
            if (word.find('@') == std::string::npos)
                continue;
            if (const auto email = normalisedEmail(word); email && seen.insert(*email).second)
                recipients.emplace_back(*email, cluster.developer);
        }
    }
    return recipients;
}

// Too many from this address or to this email lately: a 429 with the form kept.
bool overLimit(OfficeRequest& office, const Enquiry& enquiry)
{
    persistence::EnquiryRepository enquiries(office.site.database);
    const long long now = office.site.clock.unixSeconds();
    return enquiries.countFromAddress(office.address(), now - 3600) >= kPerAddressPerHour ||
           enquiries.countFromEmail(enquiry.email, now - 86400) >= kPerEmailPerDay;
}

void store(OfficeRequest& office, const Cluster& cluster, Enquiry enquiry)
{
    enquiry.clusterId = cluster.id;
    enquiry.createdOn = office.site.clock.todayInHanoi();
    enquiry.language = std::string(code(office.language));
    const auto& base = office.site.jobs.publicBaseUrl;
    persistence::EnquiryRepository repository(office.site.database);
    // The developer's email links to the enquiry by its id: the repository makes the mails
    // once it has the id, and stores them with the enquiry in one transaction.
    auto recipients = developerRecipients(office, cluster);
    const bool reached = !recipients.empty();
    if (!reached)
        for (const auto& [account, active] :
             persistence::AccountRepository(office.site.database).listAccountsWithState())
            if (active && account.role == Role::CityOfficial)
                recipients.emplace_back(account.email, account.name);
    Enquiry numbered = enquiry;
    numbered.id = 0;
    const auto make = [&](std::int64_t id)
    {
        numbered.id = id;
        std::vector<persistence::QueuedMail> list;
        for (const auto& [email, name] : recipients)
            list.push_back(enquiryForDeveloper(numbered, cluster, email, name, base));
        list.push_back(enquiryReceipt(numbered, cluster, reached, base));
        return list;
    };
    repository.create(enquiry, office.address(), office.site.clock.unixSeconds(), make,
                      office.site.jobs.messageDomain());
}
} // namespace

void enquiryForm(OfficeRequest& office, const RouteMatch& match)
{
    const auto found = persistence::RegistryRepository(office.site.database)
                           .findCluster(match.parameters.at("code"));
    if (!found)
        return office.notFound();
    const Cluster& cluster = found->cluster;
    if (office.request.getMethod() != "POST")
    {
        if (office.form.get("sent", "") == "1")
            return showMessage(office, cluster, office.text("enquiry_sent_title"),
                               office.text("enquiry_sent"), HTTPResponse::HTTP_OK);
        return showForm(office, cluster, {}, {}, HTTPResponse::HTTP_OK);
    }
    const auto draft = draftFrom(office.form);
    if (!formTokenMatches(office.request, office.form.get("csrf", "")))
        return showForm(office, cluster, draft,
                        {{"csrf", office.text("csrf_failed"), office.text("csrf_failed")}},
                        HTTPResponse::HTTP_FORBIDDEN);
    if (!office.form.get("website", "").empty()) // the honeypot: only a robot fills it
        return showMessage(office, cluster, office.text("enquiry_refused_title"),
                           office.text("enquiry_refused"), HTTPResponse::HTTP_BAD_REQUEST);
    auto checked = validateEnquiry(draft);
    if (auto* errors = std::get_if<FieldErrors>(&checked))
        return showForm(office, cluster, draft, *errors, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY);
    auto& enquiry = std::get<Enquiry>(checked);
    if (overLimit(office, enquiry))
    {
        office.response.set("Retry-After", "3600");
        return showForm(
            office, cluster, draft,
            {{"message", office.text("enquiry_too_many"), office.text("enquiry_too_many")}},
            HTTPResponse::HTTP_TOO_MANY_REQUESTS);
    }
    store(office, cluster, std::move(enquiry));
    office.redirect("/clusters/" + cluster.code + "/enquiry?sent=1" +
                    (office.language == Language::En ? "&lang=en" : ""));
}

} // namespace tracker::net
