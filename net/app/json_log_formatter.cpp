#include "net/app/json_log_formatter.h"

#include "net/http/request_context.h"
#include "tracker/audit.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Message.h>
#include <cstdio>

namespace tracker::net
{
namespace
{
const char* levelOf(Poco::Message::Priority priority)
{
    switch (priority)
    {
    case Poco::Message::PRIO_FATAL:
    case Poco::Message::PRIO_CRITICAL:
        return "critical";
    case Poco::Message::PRIO_ERROR:
        return "error";
    case Poco::Message::PRIO_WARNING:
        return "warning";
    case Poco::Message::PRIO_NOTICE:
    case Poco::Message::PRIO_INFORMATION:
        return "info";
    default:
        return "debug";
    }
}

} // namespace

void JsonLogFormatter::format(const Poco::Message& message, std::string& text)
{
    const auto& request = currentRequest();
    text = "{\"time\":" +
           jsonString(Poco::DateTimeFormatter::format(message.getTime(),
                                                      Poco::DateTimeFormat::ISO8601_FRAC_FORMAT)) +
           ",\"level\":\"" + levelOf(message.getPriority()) +
           "\",\"logger\":" + jsonString(message.getSource());
    if (!request.id.empty())
    {
        text +=
            ",\"request_id\":" + jsonString(request.id) + ",\"route\":" + jsonString(request.route);
        if (request.status > 0)
            text += ",\"status\":" + std::to_string(request.status);
        if (request.durationMs >= 0)
        {
            char ms[32];
            std::snprintf(ms, sizeof ms, "%.3f", request.durationMs);
            text += std::string(",\"duration_ms\":") + ms;
        }
        if (request.accountId > 0)
            text += ",\"account_id\":" + std::to_string(request.accountId);
    }
    text += ",\"message\":" + jsonString(message.getText()) + "}";
}

} // namespace tracker::net
