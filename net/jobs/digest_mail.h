#pragma once

#include "net/jobs/job_settings.h"
#include "persistence/mail_repository.h"
#include "tracker/digest_rules.h"

#include <kainjow/mustache.hpp>
#include <string>

namespace Poco::Net
{
class MailMessage;
}

namespace tracker::net
{

// One digest email as rendered: its subject, plain text and HTML.
struct DigestEmail
{
    std::string subject, text, html;
};

// The digest's two templates (digest.html and digest.txt in the mail folder), read and
// checked once, when the server or the command starts: a broken one stops the start,
// naming the folder.
class DigestTemplates
{
public:
    explicit DigestTemplates(const std::string& directory);
    const std::string& html() const { return _html; }
    const std::string& text() const { return _text; }

private:
    std::string _html, _text;
};

// Renders one run's emails: the templates compiled once for the run (kainjow's render()
// is not const, so a renderer belongs to one thread).
class DigestRenderer
{
public:
    explicit DigestRenderer(const DigestTemplates& templates);
    DigestEmail compose(const Subscription& subscription, const DigestSections& sections,
                        const Date& week, const std::string& publicBaseUrl);

private:
    kainjow::mustache::mustache _html, _text;
};

// The MIME message for one attempt — a fresh one every time, since Poco's write()
// consumes the part sources: multipart/alternative, an encoded Vietnamese subject, the
// outbox row's Message-ID and RFC 8058 one-click unsubscribe.
void fillDigestMessage(Poco::Net::MailMessage& message, const DigestEmail& mail,
                       const Subscription& subscription, const persistence::OutboxEntry& entry,
                       const JobSettings& jobs);

} // namespace tracker::net
