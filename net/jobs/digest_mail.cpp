#include "net/jobs/digest_mail.h"

#include "net/http/files.h"
#include "net/views/labels.h"
#include "net/views/places.h"
#include "tracker/enums.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/StringPartSource.h>
#include <map>
#include <stdexcept>
#include <vector>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using kainjow::mustache::mustache;

// "kế hoạch 62,0 %…" opens a sentence of the email: "Kế hoạch 62,0 %…" (every measure
// starts with an ASCII letter or a digit).
std::string sentence(std::string text)
{
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

std::string subjectOf(const DelayFlag& flag, Language language)
{
    const auto colon = flag.subject.rfind(':');
    if (flag.subject.rfind("item:", 0) != 0 || colon == std::string::npos)
        return {};
    const auto kind = workKindFromCode(flag.subject.substr(colon + 1));
    return kind ? enumLabel(*kind, language) : std::string();
}

data flagRow(const DelayFlag& flag, Language language, const std::string& base)
{
    const Formatter format(language);
    data row;
    row.set("cluster", flag.clusterName);
    row.set("district", flagPlaceText(flag.units, flag.district, language));
    row.set("rule", enumLabel(flag.rule, language));
    const std::string subject = subjectOf(flag, language);
    row.set("subject", subject.empty() ? data(false) : data(subject));
    row.set("measure",
            sentence(language == Language::Vi && !flag.measureVi.empty() ? flag.measureVi
                                                                         : flag.measure));
    row.set("since", format.date(flag.lateSince.value_or(flag.raisedOn)));
    // The scan's own count, the one the measure quotes; none for rules without one.
    row.set("days", flag.daysLate ? data(format.number(static_cast<double>(*flag.daysLate), 0))
                                  : data(false));
    row.set("resolved", format.date(flag.resolvedOn));
    // What the responsible official said, so that readers see the delay is being handled.
    row.set("acknowledged", data(flag.acknowledgedOn.has_value()));
    row.set("acknowledged_by", flag.acknowledgedBy);
    row.set("acknowledgement", flag.acknowledgement);
    row.set("link",
            base + "/clusters/" + flag.clusterCode + "?lang=" + std::string(code(language)));
    return row;
}

data moreText(std::size_t count, Language language)
{
    const std::size_t unlisted = unlistedCount(count);
    if (unlisted == 0)
        return data(false);
    const std::string more = std::to_string(unlisted);
    return data(language == Language::Vi
                    ? "… và " + more + " cảnh báo khác: xem trang Chậm tiến độ."
                    : "… and " + more + " more: see the Delays page.");
}

// Each cluster once, with its flags under it, the clusters with the most severe flag first
// (digestListing sorts by severity, so a cluster's first flag is its most severe).
data clusterList(const std::vector<DelayFlag>& flags, Language language, const std::string& base)
{
    std::vector<std::string> order;
    std::map<std::string, std::pair<const DelayFlag*, data>> byCluster;
    const auto listed = digestListing(flags);
    for (const auto& flag : listed)
    {
        auto [at, added] = byCluster.try_emplace(flag.clusterCode, &flag, data{data::type::list});
        if (added)
            order.push_back(flag.clusterCode);
        at->second.second.push_back(flagRow(flag, language, base));
    }
    data list{data::type::list};
    for (const auto& code : order)
    {
        const auto& [worst, rows] = byCluster.at(code);
        data cluster = flagRow(*worst, language, base);
        cluster.set("severity", enumLabel(worst->severity, language));
        cluster.set("severity_code", std::string(tracker::code(worst->severity)));
        cluster.set("flags", rows);
        list.push_back(cluster);
    }
    return list;
}

void check(const mustache& compiled, const std::string& path)
{
    if (!compiled.is_valid())
        throw std::runtime_error("the mail template " + path +
                                 " is broken: " + compiled.error_message());
}
} // namespace

DigestTemplates::DigestTemplates(const std::string& directory)
    : _html(readFile(directory + "/digest.html")), _text(readFile(directory + "/digest.txt"))
{
    check(mustache(_html), directory + "/digest.html");
    check(mustache(_text), directory + "/digest.txt");
}

DigestRenderer::DigestRenderer(const DigestTemplates& templates)
    : _html(templates.html()), _text(templates.text())
{
    _text.set_custom_escape([](const std::string& s) { return s; }); // plain text
}

DigestEmail DigestRenderer::compose(const Subscription& s, const DigestSections& sections,
                                    const Date& week, const std::string& base)
{
    const Language language = writesInEnglish(s) ? Language::En : Language::Vi;
    const Formatter format(language);
    const bool vi = language == Language::Vi;
    const std::string counts =
        std::to_string(sections.raised.size()) + (vi ? " mới, " : " new, ") +
        std::to_string(sections.still.size()) + (vi ? " vẫn chậm, " : " still late, ") +
        std::to_string(sections.resolved.size()) + (vi ? " hết chậm" : " resolved");
    DigestEmail mail;
    // The counts first, where a mail list shows them; the rest short (about 60 characters).
    mail.subject =
        counts + (vi ? " — CCN Hà Nội, tuần " : " — Hanoi clusters, week of ") + format.date(week);
    data view;
    view.set("t", pageLabels(language));
    view.set("lang", std::string(code(language)));
    view.set("subject", mail.subject);
    const std::string name = s.name.empty() ? (vi ? "Quý vị" : "Hello") : s.name;
    view.set("greeting",
             vi ? "Kính gửi " + name + "," : (s.name.empty() ? name : "Dear " + name) + ",");
    // One register in Vietnamese: "Quý vị" throughout, as the greeting.
    view.set("intro", (vi ? "Tình hình chậm tiến độ của các cụm công nghiệp Quý vị theo dõi, tuần "
                            "đến "
                          : "Delays in the clusters you follow, in the week to ") +
                          format.date(week) + ": " + counts + ".");
    view.set("new", clusterList(sections.raised, language, base));
    view.set("still", clusterList(sections.still, language, base));
    view.set("resolved", clusterList(sections.resolved, language, base));
    view.set("new_more", moreText(sections.raised.size(), language));
    view.set("still_more", moreText(sections.still.size(), language));
    view.set("resolved_more", moreText(sections.resolved.size(), language));
    view.set("has_new", !sections.raised.empty());
    view.set("has_still", !sections.still.empty());
    view.set("has_resolved", !sections.resolved.empty());
    view.set("delays_link", base + "/delays?lang=" + std::string(code(language)));
    view.set("unsubscribe_link", base + "/unsubscribe?t=" + s.token);
    view.set("illustrative", label(language, "illustrative_notice"));
    mail.html = _html.render(view);
    mail.text = _text.render(view);
    return mail;
}

void fillDigestMessage(Poco::Net::MailMessage& m, const DigestEmail& mail, const Subscription& s,
                       const persistence::OutboxEntry& entry, const JobSettings& jobs)
{
    m.addRecipient(Poco::Net::MailRecipient(
        Poco::Net::MailRecipient::PRIMARY_RECIPIENT, s.email,
        s.name.empty() ? "" : Poco::Net::MailMessage::encodeWord(s.name, "UTF-8")));
    m.setSubject(Poco::Net::MailMessage::encodeWord(mail.subject, "UTF-8"));
    m.set("Message-ID", entry.messageId);
    const std::string unsubscribe = jobs.publicBaseUrl + "/unsubscribe?t=" + s.token;
    m.set("List-Unsubscribe", "<" + unsubscribe + ">");
    m.set("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"); // RFC 8058
    m.set("List-Id", jobs.listId("delays", "Chậm tiến độ cụm công nghiệp Hà Nội"));
    m.set("Content-Language", s.language);
    m.setContentType("multipart/alternative"); // before the parts, or Poco makes it mixed
    m.addContent(new Poco::Net::StringPartSource(mail.text, "text/plain; charset=utf-8"),
                 Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
    m.addContent(new Poco::Net::StringPartSource(mail.html, "text/html; charset=utf-8"),
                 Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
}

} // namespace tracker::net
