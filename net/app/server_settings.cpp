#include "net/app/server_settings.h"

#include "tracker/text_checks.h"

#include <Poco/Net/IPAddress.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <stdexcept>

namespace tracker::net
{

ServerSettings ServerSettings::fromConfiguration(const Poco::Util::AbstractConfiguration& config)
{
    ServerSettings s;
    s.address = config.getString("http.address", s.address);
    s.port = config.getInt("http.port", s.port);
    s.maxThreads = config.getInt("http.maxThreads", s.maxThreads);
    s.maxQueued = config.getInt("http.maxQueued", s.maxQueued);
    s.keepAliveSeconds = config.getInt("http.keepAliveSeconds", s.keepAliveSeconds);
    s.databaseUrl = config.getString("database.url", s.databaseUrl);
    s.poolSize = config.getInt("database.poolSize", s.poolSize);
    s.seedMode = config.getString("seed.mode", s.seedMode);
    s.seedDirectory = config.getString("seed.directory", s.seedDirectory);
    s.randomSeed = config.getUInt("seed.randomSeed", s.randomSeed);
    s.templateDirectory = config.getString("pages.templates", s.templateDirectory);
    s.staticDirectory = config.getString("pages.static", s.staticDirectory);
    s.mapDirectory = config.getString("pages.map", s.mapDirectory);
    s.unitsFile = config.getString("registry.unitsFile", s.unitsFile);
    s.changeCheckSeconds = config.getInt("pages.changeCheckSeconds", s.changeCheckSeconds);
    s.headSeconds = config.getInt("http.headSeconds", s.headSeconds);
    s.bodySeconds = config.getInt("http.bodySeconds", s.bodySeconds);
    s.connectionsPerAddress = config.getInt("http.connectionsPerAddress", s.connectionsPerAddress);
    s.readSlots = config.getInt("http.readSlots", s.readSlots);
    s.readPatienceMs = config.getInt("http.readPatienceMs", s.readPatienceMs);
    s.cacheMegabytes = config.getInt("pages.cacheMegabytes", s.cacheMegabytes);
    s.mallocArenas = config.getInt("memory.arenas", s.mallocArenas);
    s.trimSeconds = config.getInt("memory.trimSeconds", s.trimSeconds);
    s.metricsAllow = commaList(config.getString("metrics.allow", "127.0.0.1, ::1"));
    s.metricsToken = config.getString("metrics.token", "");
    s.mailTemplateDirectory = config.getString("mail.templates", s.mailTemplateDirectory);
    s.jobs = JobSettings::fromConfiguration(config);
    s.auth.sessionHours = config.getInt("auth.sessionHours", s.auth.sessionHours);
    s.auth.secureCookies = config.getBool("auth.secureCookies", s.auth.secureCookies);
    s.auth.maxFailuresPerAccount =
        config.getInt("auth.maxFailuresPerAccount", s.auth.maxFailuresPerAccount);
    s.auth.maxFailuresPerAddress =
        config.getInt("auth.maxFailuresPerAddress", s.auth.maxFailuresPerAddress);
    s.auth.failureWindowMinutes =
        config.getInt("auth.failureWindowMinutes", s.auth.failureWindowMinutes);
    s.auth.trustedProxies = commaList(config.getString("auth.trustedProxies", ""));
    return s;
}

namespace
{
// Each entry an IP address, as the peer's address is written ("127.0.0.1", "::1").
void requireAddresses(const std::vector<std::string>& addresses, const std::string& key)
{
    for (const auto& address : addresses)
    {
        Poco::Net::IPAddress parsed;
        if (!Poco::Net::IPAddress::tryParse(address, parsed))
            throw std::invalid_argument(key + " must list IP addresses, not '" + address + "'");
    }
}
} // namespace

void ServerSettings::validate() const
{
    requireAddresses(auth.trustedProxies, "auth.trustedProxies");
    requireAddresses(metricsAllow, "metrics.allow");
    if (port < 0 || port > 65535)
        throw std::invalid_argument("http.port must be between 0 and 65535, not " +
                                    std::to_string(port));
    if (maxThreads < 2 || maxThreads > 10000)
        throw std::invalid_argument("http.maxThreads must be between 2 and 10000");
    if (readSlots < 0 || readSlots > 10000)
        throw std::invalid_argument("http.readSlots must be between 0 (no limit) and 10000");
    if (readPatienceMs < 1 || readPatienceMs > 60000)
        throw std::invalid_argument("http.readPatienceMs must be between 1 and 60000");
    if (maxQueued < 1)
        throw std::invalid_argument("http.maxQueued must be at least 1");
    if (poolSize < 1 || poolSize > 512)
        throw std::invalid_argument("database.poolSize must be between 1 and 512");
    jobs.validate();
    if (changeCheckSeconds < 1 || changeCheckSeconds > 3600)
        throw std::invalid_argument("pages.changeCheckSeconds must be between 1 and 3600");
    if (headSeconds < 1 || bodySeconds < 1 || headSeconds > 600 || bodySeconds > 3600)
        throw std::invalid_argument("http.headSeconds must be 1 to 600 and http.bodySeconds 1 "
                                    "to 3600");
    if (connectionsPerAddress < 0)
        throw std::invalid_argument("http.connectionsPerAddress must be 0 (no cap) or more");
    if (cacheMegabytes < 1 || cacheMegabytes > 64 * 1024)
        throw std::invalid_argument("pages.cacheMegabytes must be between 1 and 65536");
    if (mallocArenas < 0 || mallocArenas > 1024)
        throw std::invalid_argument("memory.arenas must be between 0 (one per core) and 1024");
    if (trimSeconds < 0 || trimSeconds > 86400)
        throw std::invalid_argument("memory.trimSeconds must be between 0 (never) and 86400");
    if (auth.sessionHours < 1 || auth.sessionHours > 24 * 30)
        throw std::invalid_argument("auth.sessionHours must be between 1 and 720");
    if (auth.maxFailuresPerAccount < 1 || auth.maxFailuresPerAddress < 1 ||
        auth.failureWindowMinutes < 1)
        throw std::invalid_argument("auth.maxFailuresPerAccount, auth.maxFailuresPerAddress and "
                                    "auth.failureWindowMinutes must be at least 1");
    if (seedMode != "demo" && seedMode != "none")
        throw std::invalid_argument("seed.mode (--seed) must be 'demo' or 'none', not '" +
                                    seedMode + "'");
}

} // namespace tracker::net
