#pragma once

#include "tracker/delay_rules.h"

#include <string>

namespace Poco::Util
{
class AbstractConfiguration;
}

namespace tracker::net
{

// When the scheduled jobs run (Asia/Ho_Chi_Minh wall-clock time, whatever the server's TZ),
// the delay rules' thresholds, and the mail server. Keys: jobs.*, smtp.*, mail.* in
// etc/tracker.properties.
struct JobSettings
{
    bool schedulerEnabled = true;
    int scanHour = 6, scanMinute = 0;     // daily delay scan
    int digestWeekday = 1;                // ISO: 1 = Monday … 7 = Sunday
    int digestHour = 8, digestMinute = 0; // weekly digest
    int leaseSeconds = 900;               // a claim on a slot lapses after this
    int checkSeconds = 30;                // how often the scheduler looks at the clock
    DelayThresholds thresholds;

    std::string smtpHost = "127.0.0.1";
    int smtpPort = 25;
    bool smtpStartTls = false;
    std::string smtpCaFile; // PEM CAs for the server's certificate; empty: the system's
    std::string smtpAuthMethod = "plain"; // plain or login, when smtpUser is set
    std::string smtpUser;
    std::string smtpPassword; // never logged
    std::string mailFrom = "tracker@localhost";
    std::string mailFromName = "Theo dõi cụm công nghiệp Hà Nội"; // the From's display name
    std::string publicBaseUrl = "http://127.0.0.1:8080";          // for links in emails
    // Links to a loopback or plain-http base URL reach no reader: mail is refused with one
    // unless this is set (tests, a developer's machine).
    bool allowInsecureBaseUrl = false;
    std::string dkimDomain; // d= of the DKIM signature; empty: mail is not signed
    std::string dkimSelector = "tracker";
    std::string dkimKeyFile;       // the RSA private key in PEM; never logged
    std::string unsubscribeSecret; // HMAC key for unsubscribe links; empty: derived per database

    // The domain of the From address, for Message-IDs.
    std::string messageDomain() const;
    // The From header: the display name (RFC 2047 encoded) and the address.
    std::string fromHeader() const;
    // A List-Id (RFC 2919) for one of the tracker's lists: "<label.domain>" with its name.
    std::string listId(const std::string& label, const std::string& name) const;
    // Why links in emails would not work ("" when they would): a loopback or http base URL.
    std::string insecureBaseUrl() const;

    static JobSettings fromConfiguration(const Poco::Util::AbstractConfiguration& config);
    // Throws std::invalid_argument naming the key.
    void validate() const;
};

// "06:00" → hour and minute; throws std::invalid_argument naming `key`.
void parseClockTime(const std::string& text, const std::string& key, int& hour, int& minute);
// "monday" / "thu-hai" / "1" → 1; throws std::invalid_argument naming `key`.
int parseWeekday(const std::string& text, const std::string& key);

} // namespace tracker::net
