#include "net/jobs/job_settings.h"

#include "tracker/report_period.h"

#include <Poco/Net/IPAddress.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <array>
#include <fstream>
#include <stdexcept>

namespace tracker::net
{

void parseClockTime(const std::string& text, const std::string& key, int& hour, int& minute)
{
    const bool shaped = text.size() == 5 && text[2] == ':' && std::isdigit(text[0]) &&
                        std::isdigit(text[1]) && std::isdigit(text[3]) && std::isdigit(text[4]);
    if (shaped)
    {
        hour = std::stoi(text.substr(0, 2));
        minute = std::stoi(text.substr(3, 2));
    }
    if (!shaped || hour > 23 || minute > 59)
        throw std::invalid_argument(key + " must be a time like 06:00, not '" + text + "'");
}

int parseWeekday(const std::string& text, const std::string& key)
{
    static const std::array<const char*, 7> english{"monday", "tuesday",  "wednesday", "thursday",
                                                    "friday", "saturday", "sunday"};
    const std::string lower = Poco::toLower(text);
    for (std::size_t i = 0; i < english.size(); ++i)
    {
        if (lower == english[i] || lower == std::to_string(i + 1))
            return static_cast<int>(i + 1);
    }
    throw std::invalid_argument(key + " must be a weekday (monday … sunday or 1 … 7), not '" +
                                text + "'");
}

JobSettings JobSettings::fromConfiguration(const Poco::Util::AbstractConfiguration& config)
{
    JobSettings s;
    s.schedulerEnabled = config.getString("jobs.scheduler", "on") != "off";
    parseClockTime(config.getString("jobs.delayScan.time", "06:00"), "jobs.delayScan.time",
                   s.scanHour, s.scanMinute);
    s.digestWeekday =
        parseWeekday(config.getString("jobs.weeklyDigest.day", "monday"), "jobs.weeklyDigest.day");
    parseClockTime(config.getString("jobs.weeklyDigest.time", "08:00"), "jobs.weeklyDigest.time",
                   s.digestHour, s.digestMinute);
    s.leaseSeconds = config.getInt("jobs.leaseSeconds", s.leaseSeconds);
    s.checkSeconds = config.getInt("jobs.checkSeconds", s.checkSeconds);
    auto& t = s.thresholds;
    t.behindPoints = config.getDouble("jobs.rules.behindPoints", t.behindPoints);
    t.minimumSpi = config.getDouble("jobs.rules.minimumSpi", t.minimumSpi);
    t.staleReportDays = config.getInt("jobs.rules.staleReportDays", t.staleReportDays);
    t.slowDisbursementRatio =
        config.getDouble("jobs.rules.slowDisbursementRatio", t.slowDisbursementRatio);
    t.forecastLateDays = config.getInt("jobs.rules.forecastLateDays", t.forecastLateDays);
    t.minimumOccupancyPercent =
        config.getDouble("jobs.rules.minimumOccupancyPercent", t.minimumOccupancyPercent);
    t.occupancyGraceMonths =
        config.getInt("jobs.rules.occupancyGraceMonths", t.occupancyGraceMonths);
    t.firstStatutoryPeriod =
        config.getString("jobs.rules.firstStatutoryPeriod", t.firstStatutoryPeriod);
    s.smtpHost = config.getString("smtp.host", s.smtpHost);
    s.smtpPort = config.getInt("smtp.port", s.smtpPort);
    s.smtpStartTls = config.getBool("smtp.startTls", s.smtpStartTls);
    s.smtpCaFile = config.getString("smtp.caFile", s.smtpCaFile);
    s.smtpAuthMethod = config.getString("smtp.authMethod", s.smtpAuthMethod);
    s.smtpUser = config.getString("smtp.user", s.smtpUser);
    s.smtpPassword = config.getString("smtp.password", s.smtpPassword);
    s.mailFrom = config.getString("mail.from", s.mailFrom);
    s.publicBaseUrl = config.getString("mail.publicBaseUrl", s.publicBaseUrl);
    s.mailFromName = config.getString("mail.fromName", s.mailFromName);
    s.allowInsecureBaseUrl = config.getBool("mail.allowInsecureBaseUrl", s.allowInsecureBaseUrl);
    s.dkimDomain = config.getString("mail.dkim.domain", s.dkimDomain);
    s.dkimSelector = config.getString("mail.dkim.selector", s.dkimSelector);
    s.dkimKeyFile = config.getString("mail.dkim.keyFile", s.dkimKeyFile);
    s.unsubscribeSecret = config.getString("mail.unsubscribeSecret", s.unsubscribeSecret);
    return s;
}

void JobSettings::validate() const
{
    if (leaseSeconds < 10)
        throw std::invalid_argument("jobs.leaseSeconds must be at least 10");
    if (!smtpCaFile.empty() && !std::ifstream(smtpCaFile).good())
        throw std::invalid_argument("smtp.caFile: cannot read " + smtpCaFile);
    if (smtpAuthMethod != "plain" && smtpAuthMethod != "login")
        throw std::invalid_argument("smtp.authMethod must be plain or login, not '" +
                                    smtpAuthMethod + "'");
    if (checkSeconds < 1)
        throw std::invalid_argument("jobs.checkSeconds must be at least 1");
    if (smtpPort < 1 || smtpPort > 65535)
        throw std::invalid_argument("smtp.port must be between 1 and 65535");
    if (!ReportPeriod::parse(thresholds.firstStatutoryPeriod))
        throw std::invalid_argument("jobs.rules.firstStatutoryPeriod must be a period like "
                                    "2026-H1 or 2026-Y, not '" +
                                    thresholds.firstStatutoryPeriod + "'");
    if (thresholds.staleReportDays < 1 || thresholds.forecastLateDays < 0)
        throw std::invalid_argument("jobs.rules.* day limits must be positive");
    if (!dkimDomain.empty() && !std::ifstream(dkimKeyFile).good())
        throw std::invalid_argument("mail.dkim.keyFile: cannot read the DKIM key '" + dkimKeyFile +
                                    "'");
    if (mailFromName.find_first_of("\r\n") != std::string::npos)
        throw std::invalid_argument("mail.fromName must be one line");
}

std::string JobSettings::fromHeader() const
{
    if (mailFromName.empty())
        return mailFrom;
    return Poco::Net::MailMessage::encodeWord(mailFromName, "UTF-8") + " <" + mailFrom + ">";
}

std::string JobSettings::listId(const std::string& label, const std::string& name) const
{
    return Poco::Net::MailMessage::encodeWord(name, "UTF-8") + " <" + label + "." +
           messageDomain() + ">";
}

std::string JobSettings::insecureBaseUrl() const
{
    if (allowInsecureBaseUrl)
        return {};
    Poco::URI uri;
    try
    {
        uri = Poco::URI(publicBaseUrl);
    }
    catch (const Poco::SyntaxException&)
    {
        return "mail.publicBaseUrl is not a URL: '" + publicBaseUrl + "'";
    }
    Poco::Net::IPAddress address;
    const std::string host = uri.getHost();
    const bool loopback = host == "localhost" || host.empty() ||
                          (Poco::Net::IPAddress::tryParse(host, address) &&
                           (address.isLoopback() || address.isWildcard()));
    if (uri.getScheme() == "https" && !loopback)
        return {};
    return "mail.publicBaseUrl is " + publicBaseUrl +
           ": the links in the emails would reach no reader. Set it to the site's public "
           "https address (mail.allowInsecureBaseUrl = true allows it for tests)";
}

std::string JobSettings::messageDomain() const
{
    const auto at = mailFrom.rfind('@');
    return at == std::string::npos ? "localhost" : mailFrom.substr(at + 1);
}

} // namespace tracker::net
