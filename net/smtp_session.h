#pragma once

#include "net/job_settings.h"

#include <Poco/Net/SMTPClientSession.h>
#include <memory>

namespace tracker::net
{

// A logged-in session with the configured mail server: plain, or upgraded with STARTTLS
// (the server's certificate checked against smtp.caFile or the system's CAs, and its name
// against smtp.host) before AUTH LOGIN sends the password. Throws when the server cannot be
// reached, refuses STARTTLS, or presents a certificate that does not check out.
std::unique_ptr<Poco::Net::SMTPClientSession> openSmtpSession(const JobSettings& jobs,
                                                              int timeoutSeconds);

} // namespace tracker::net
