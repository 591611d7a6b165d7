#include "net/jobs/digest.h"

#include "net/jobs/smtp_session.h"
#include "net/views/labels.h"
#include "persistence/delay_flag_repository.h"
#include "persistence/mail_repository.h"
#include "persistence/meta.h"
#include "tracker/enums.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StringPartSource.h>
#include <algorithm>
#include <fstream>
#include <iterator>
#include <kainjow/mustache.hpp>
#include <sodium.h>

namespace tracker::net
{
namespace
{
using kainjow::mustache::data;
using kainjow::mustache::mustache;
using persistence::DelayFlag;

constexpr int kDaysPerWeek = 7;
constexpr int kFirstRetrySeconds = 60;
constexpr int kLongestRetrySeconds = 3600;
constexpr int kSmtpTimeoutSeconds = 20;

std::string readTemplate(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw std::runtime_error("cannot read the mail template " + path);
    return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

struct MailTemplates
{
    mustache html;
    mustache text;
    explicit MailTemplates(const std::string& directory)
        : html(readTemplate(directory + "/digest.html")),
          text(readTemplate(directory + "/digest.txt"))
    {
        if (!html.is_valid() || !text.is_valid())
            throw std::runtime_error("a mail template in " + directory +
                                     " is broken: " + html.error_message() + text.error_message());
        text.set_custom_escape([](const std::string& s) { return s; }); // plain text
    }
};

bool inScope(const persistence::Subscription& s, const DelayFlag& flag)
{
    if (s.scopeKind == "district")
        return flag.district == s.scopeValue;
    if (s.scopeKind == "cluster")
        return flag.clusterCode == s.scopeValue;
    return true;
}

// What one recipient's digest says.
struct Sections
{
    std::vector<DelayFlag> raised, still, resolved;
    bool empty() const { return raised.empty() && still.empty() && resolved.empty(); }
};

Sections sectionsFor(const persistence::Subscription& s, const std::vector<DelayFlag>& flags,
                     const Date& week)
{
    const Date weekStart = week.plusDays(-kDaysPerWeek); // the week is (start, week]
    Sections sections;
    for (const auto& flag : flags)
    {
        if (!inScope(s, flag) || week < flag.raisedOn)
            continue;
        if (flag.resolvedOn)
        {
            if (weekStart < *flag.resolvedOn && !(week < *flag.resolvedOn))
                sections.resolved.push_back(flag);
        }
        else if (weekStart < flag.raisedOn)
            sections.raised.push_back(flag);
        else
            sections.still.push_back(flag);
    }
    return sections;
}

std::string subjectOf(const DelayFlag& flag, Language language)
{
    const auto colon = flag.subject.rfind(':');
    if (flag.subject.rfind("item:", 0) != 0 || colon == std::string::npos)
        return {};
    const auto kind = workKindFromCode(flag.subject.substr(colon + 1));
    return kind ? enumLabel(*kind, language) : std::string();
}

data flagRow(const DelayFlag& flag, const Date& week, Language language, const std::string& base)
{
    const Formatter format(language);
    data row;
    row.set("cluster", flag.clusterName);
    row.set("district", flag.district);
    row.set("rule", enumLabel(flag.rule, language));
    const std::string subject = subjectOf(flag, language);
    row.set("subject", subject.empty() ? data(false) : data(subject));
    row.set("measure",
            language == Language::Vi && !flag.measureVi.empty() ? flag.measureVi : flag.measure);
    row.set("since", format.date(flag.lateSince.value_or(flag.raisedOn)));
    row.set("days", std::to_string(flag.lateSince.value_or(flag.raisedOn).daysUntil(week)));
    row.set("resolved", format.date(flag.resolvedOn));
    // What the responsible official said, so that readers see the delay is being handled.
    row.set("acknowledged", data(flag.acknowledgedOn.has_value()));
    row.set("acknowledged_by", flag.acknowledgedBy);
    row.set("acknowledgement", flag.acknowledgement);
    row.set("link",
            base + "/clusters/" + flag.clusterCode + "?lang=" + std::string(code(language)));
    return row;
}

// A digest stays readable: each section lists the most severe flags first, at most
// kListed of them, and says how many more the delay page has.
constexpr std::size_t kListed = 30;

data moreText(std::size_t count, Language language)
{
    if (count <= kListed)
        return data(false);
    const std::string more = std::to_string(count - kListed);
    return data(language == Language::Vi
                    ? "… và " + more + " cảnh báo khác: xem trang Chậm tiến độ."
                    : "… and " + more + " more: see the Delays page.");
}

data flagList(std::vector<DelayFlag> flags, const Date& week, Language language,
              const std::string& base)
{
    std::stable_sort(flags.begin(), flags.end(),
                     [](const DelayFlag& a, const DelayFlag& b)
                     { return static_cast<int>(a.severity) > static_cast<int>(b.severity); });
    data list{data::type::list};
    for (std::size_t i = 0; i < flags.size() && i < kListed; ++i)
        list.push_back(flagRow(flags[i], week, language, base));
    return list;
}

struct Rendered
{
    std::string subject, text, html;
};

Rendered render(MailTemplates& templates, const persistence::Subscription& s,
                const Sections& sections, const Date& week, const std::string& base)
{
    const Language language = s.language == "en" ? Language::En : Language::Vi;
    const Formatter format(language);
    const bool vi = language == Language::Vi;
    const std::string counts =
        std::to_string(sections.raised.size()) + (vi ? " mới, " : " new, ") +
        std::to_string(sections.still.size()) + (vi ? " vẫn chậm, " : " still delayed, ") +
        std::to_string(sections.resolved.size()) + (vi ? " đã hết chậm" : " resolved");
    Rendered mail;
    mail.subject = (vi ? "Cụm công nghiệp Hà Nội — chậm tiến độ tuần đến "
                       : "Hanoi industrial clusters — delays in the week to ") +
                   format.date(week) + ": " + counts;
    data view;
    view.set("t", pageLabels(language));
    view.set("lang", std::string(code(language)));
    view.set("subject", mail.subject);
    const std::string name = s.name.empty() ? (vi ? "Quý vị" : "Hello") : s.name;
    view.set("greeting",
             vi ? "Kính gửi " + name + "," : (s.name.empty() ? name : "Dear " + name) + ",");
    view.set("intro", (vi ? "Tình hình chậm tiến độ của các cụm bạn theo dõi, tuần đến "
                          : "Delays in the clusters you follow, in the week to ") +
                          format.date(week) + ": " + counts + ".");
    view.set("new", flagList(sections.raised, week, language, base));
    view.set("still", flagList(sections.still, week, language, base));
    view.set("resolved", flagList(sections.resolved, week, language, base));
    view.set("new_more", moreText(sections.raised.size(), language));
    view.set("still_more", moreText(sections.still.size(), language));
    view.set("resolved_more", moreText(sections.resolved.size(), language));
    view.set("has_new", !sections.raised.empty());
    view.set("has_still", !sections.still.empty());
    view.set("has_resolved", !sections.resolved.empty());
    view.set("delays_link", base + "/delays?lang=" + std::string(code(language)));
    view.set("unsubscribe_link", base + "/unsubscribe?t=" + s.token);
    view.set("illustrative", label(language, "illustrative_notice"));
    mail.html = templates.html.render(view);
    mail.text = templates.text.render(view);
    return mail;
}

// A fresh message for every attempt: Poco's write() consumes the part sources.
void fillMessage(Poco::Net::MailMessage& m, const Rendered& mail,
                 const persistence::Subscription& s, const persistence::OutboxEntry& entry,
                 const JobSettings& jobs)
{
    m.setSender(jobs.mailFrom);
    m.addRecipient(Poco::Net::MailRecipient(
        Poco::Net::MailRecipient::PRIMARY_RECIPIENT, s.email,
        s.name.empty() ? "" : Poco::Net::MailMessage::encodeWord(s.name, "UTF-8")));
    m.setSubject(Poco::Net::MailMessage::encodeWord(mail.subject, "UTF-8"));
    m.set("Message-ID", entry.messageId);
    const std::string unsubscribe = jobs.publicBaseUrl + "/unsubscribe?t=" + s.token;
    m.set("List-Unsubscribe", "<" + unsubscribe + ">");
    m.set("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"); // RFC 8058
    m.set("Content-Language", s.language);
    m.setContentType("multipart/alternative"); // before the parts, or Poco makes it mixed
    m.addContent(new Poco::Net::StringPartSource(mail.text, "text/plain; charset=utf-8"),
                 Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
    m.addContent(new Poco::Net::StringPartSource(mail.html, "text/html; charset=utf-8"),
                 Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
}

// One SMTP connection for the run, reopened after a failure.
class Smtp
{
public:
    explicit Smtp(const JobSettings& jobs) : _jobs(jobs) {}
    ~Smtp()
    {
        try
        {
            if (_session)
                _session->close();
        }
        catch (const Poco::Exception&)
        {
        }
    }
    void send(const Poco::Net::MailMessage& message,
              const std::function<void(const SmtpSession::FinalDot&)>& commit, bool& finalDotSent)
    {
        finalDotSent = false;
        if (!_session)
            open();
        try
        {
            _session->sendCommitted(message, commit, finalDotSent);
        }
        catch (...)
        {
            _session.reset(); // the next message starts a new connection
            throw;
        }
    }

private:
    void open() { _session = openSmtpSession(_jobs, kSmtpTimeoutSeconds); }
    const JobSettings& _jobs;
    std::unique_ptr<SmtpSession> _session;
};

std::string domainOf(const std::string& address)
{
    const auto at = address.rfind('@');
    return at == std::string::npos ? "localhost" : address.substr(at + 1);
}

// 5xx to RCPT TO (or to the message itself): the server will never take it. A 5xx to MAIL FROM or
// DATA (e.g. 530, STARTTLS required) is the tracker's configuration and is retried.
bool refusedForGood(const Poco::Net::SMTPException& error)
{
    return error.code() >= 500 && error.code() < 600 &&
           (error.message().rfind("Recipient rejected", 0) == 0 ||
            error.message().rfind("The server rejected the message", 0) == 0);
}

long long retryDelay(int attempts)
{
    long long delay = kFirstRetrySeconds;
    for (int i = 1; i < attempts && delay < kLongestRetrySeconds; ++i)
        delay *= 2;
    return std::min<long long>(delay, kLongestRetrySeconds);
}

std::string hex(const unsigned char* bytes, std::size_t length)
{
    std::string out(length * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, length);
    out.pop_back();
    return out;
}

std::vector<unsigned char> tokenKey(persistence::Database& database, const JobSettings& jobs)
{
    std::vector<unsigned char> key(crypto_auth_KEYBYTES);
    if (!jobs.unsubscribeSecret.empty())
    {
        crypto_generichash(key.data(), key.size(),
                           reinterpret_cast<const unsigned char*>(jobs.unsubscribeSecret.data()),
                           jobs.unsubscribeSecret.size(), nullptr, 0);
        return key;
    }
    std::vector<unsigned char> fresh(crypto_auth_KEYBYTES);
    randombytes_buf(fresh.data(), fresh.size());
    const std::string stored = persistence::metaValueOrInsert(database, "unsubscribe_key",
                                                              hex(fresh.data(), fresh.size()));
    std::size_t length = 0;
    if (sodium_hex2bin(key.data(), key.size(), stored.data(), stored.size(), nullptr, &length,
                       nullptr) != 0 ||
        length != key.size())
        throw std::runtime_error("the stored unsubscribe key is not a " +
                                 std::to_string(key.size()) + "-byte hex string");
    return key;
}

std::string sign(const std::vector<unsigned char>& key, std::int64_t id)
{
    const std::string message = "unsubscribe:" + std::to_string(id);
    unsigned char mac[crypto_auth_BYTES];
    crypto_auth(mac, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                key.data());
    return std::to_string(id) + "-" + hex(mac, sizeof mac);
}
} // namespace

Date digestWeek(const HanoiTime& now, const JobSettings& jobs)
{
    const std::string slot =
        weeklySlot(now, jobs.digestWeekday, jobs.digestHour, jobs.digestMinute);
    return *Date::parseIso(slot.substr(0, 10));
}

std::function<std::string(std::int64_t)> unsubscribeSigner(persistence::Database& database,
                                                           const JobSettings& jobs)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium failed to initialise");
    return [key = tokenKey(database, jobs)](std::int64_t id) { return sign(key, id); };
}

std::string unsubscribeToken(persistence::Database& database, const JobSettings& jobs,
                             std::int64_t subscriptionId)
{
    return unsubscribeSigner(database, jobs)(subscriptionId);
}

bool validUnsubscribeToken(persistence::Database& database, const JobSettings& jobs,
                           const std::string& token)
{
    const auto dash = token.find('-');
    if (dash == std::string::npos || dash == 0 || dash > 18)
        return false;
    std::int64_t id = 0;
    try
    {
        id = std::stoll(token.substr(0, dash));
    }
    catch (const std::exception&)
    {
        return false;
    }
    const std::string expected = unsubscribeToken(database, jobs, id);
    return expected.size() == token.size() &&
           sodium_memcmp(expected.data(), token.data(), token.size()) == 0;
}

std::string runWeeklyDigest(persistence::Database& database, const Clock& clock,
                            const ServerSettings& settings, const Progress& progress)
{
    const JobSettings& jobs = settings.jobs;
    MailTemplates templates(settings.mailTemplateDirectory);
    const Date week = digestWeek(clock.nowInHanoi(), jobs);
    const auto flags =
        persistence::DelayFlagRepository(database).flagsTouchedSince(week.plusDays(-kDaysPerWeek));
    persistence::MailRepository mail(database);
    const auto subscriptions = mail.activeSubscriptions();
    Smtp smtp(jobs);
    int sent = 0, empty = 0, failed = 0, done = 0, busy = 0, rejected = 0, unconfirmed = 0;
    std::string lastError;
    for (std::size_t i = 0; i < subscriptions.size(); ++i)
    {
        const auto& s = subscriptions[i];
        const auto entry = mail.outboxEntry(s.id, week, domainOf(jobs.mailFrom));
        if (entry.state == "sent" || entry.state == "empty" || entry.state == "rejected" ||
            entry.state == "committed")
        {
            ++done;
            continue;
        }
        if (!mail.claimForSending(entry.id, clock.unixSeconds(), jobs.leaseSeconds))
        {
            ++busy; // another instance is sending it, or it waits for its retry time
            continue;
        }
        const Sections sections = sectionsFor(s, flags, week);
        if (sections.empty())
        {
            mail.markEmpty(entry.id);
            ++empty;
            continue;
        }
        const Rendered rendered = render(templates, s, sections, week, jobs.publicBaseUrl);
        bool finalDotSent = false;
        try
        {
            Poco::Net::MailMessage message;
            fillMessage(message, rendered, s, entry, jobs);
            smtp.send(
                message,
                [&](const SmtpSession::FinalDot& writeDot)
                { mail.markCommittedAround(entry.id, writeDot); },
                finalDotSent);
            mail.markSent(entry.id, clock.nowRfc3339());
            ++sent;
        }
        catch (const Poco::Net::SMTPException& error)
        {
            // The server answered no. A permanent refusal of the address (550 user
            // unknown…) would fail the same way every run: record it and go on.
            if (refusedForGood(error))
            {
                mail.markRejected(entry.id, error.displayText());
                ++rejected;
                continue;
            }
            lastError = error.displayText();
            mail.markFailed(entry.id, lastError,
                            clock.unixSeconds() + retryDelay(entry.attempts + 1));
            ++failed;
        }
        catch (const std::exception& error)
        {
            // Poco's what() is only the exception's name ("File not found"); say what.
            const auto* poco = dynamic_cast<const Poco::Exception*>(&error);
            lastError = poco ? poco->displayText() : error.what();
            if (finalDotSent)
                ++unconfirmed; // no answer after the dot: maybe delivered, so never again
            else
            {
                mail.markFailed(entry.id, lastError,
                                clock.unixSeconds() + retryDelay(entry.attempts + 1));
                ++failed;
            }
        }
        if (progress && ((i + 1) % 500 == 0 || i + 1 == subscriptions.size()))
            progress("weekly digest: " + std::to_string(i + 1) + "/" +
                     std::to_string(subscriptions.size()) + " recipients");
    }
    std::string summary = "week " + week.iso() + ": " + std::to_string(sent) + " sent, " +
                          std::to_string(empty) + " with nothing to report, " +
                          std::to_string(failed) + " failed, " + std::to_string(rejected) +
                          " refused for good, " + std::to_string(unconfirmed) + " unconfirmed, " +
                          std::to_string(done) + " already done, " + std::to_string(busy) +
                          " left for later";
    if (failed > 0)
        summary += " (last error: " + lastError + ")";
    // Unfinished: the slot stays open, so the scheduler runs the digest again and the
    // pending recipients get their email once their retry time has come.
    if (failed > 0 || busy > 0)
        throw std::runtime_error(summary);
    return summary;
}

} // namespace tracker::net
