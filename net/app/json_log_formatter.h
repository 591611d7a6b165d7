#pragma once

#include <Poco/Formatter.h>

namespace tracker::net
{

// One JSON object per log line: time (UTC, RFC 3339), level, logger, message, and, inside a
// request, its id, route, status, duration and account id. Nothing else goes in: never a
// password, a token or an email's body (no code logs them).
class JsonLogFormatter : public Poco::Formatter
{
public:
    void format(const Poco::Message& message, std::string& text) override;
};

} // namespace tracker::net
