#include "net/app/json_log_formatter.h"

#include "net/http/request_context.h"

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

// A JSON string: quotes, backslashes and control characters escaped.
std::string quoted(const std::string& text)
{
    std::string out = "\"";
    for (const char c : text)
    {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\')
            out += '\\', out += c;
        else if (byte < 0x20)
        {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
            out += escaped;
        }
        else
            out += c;
    }
    return out + "\"";
}
} // namespace

void JsonLogFormatter::format(const Poco::Message& message, std::string& text)
{
    const auto& request = currentRequest();
    text = "{\"time\":" +
           quoted(Poco::DateTimeFormatter::format(message.getTime(),
                                                  Poco::DateTimeFormat::ISO8601_FRAC_FORMAT)) +
           ",\"level\":\"" + levelOf(message.getPriority()) +
           "\",\"logger\":" + quoted(message.getSource());
    if (!request.id.empty())
    {
        text += ",\"request_id\":" + quoted(request.id) + ",\"route\":" + quoted(request.route);
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
    text += ",\"message\":" + quoted(message.getText()) + "}";
}

} // namespace tracker::net
