#pragma once

#include <string>
#include <vector>

namespace tracker::net
{

// Sessions and sign-in throttling (auth.* in tracker.properties).
struct AuthSettings
{
    int sessionHours = 8;
    bool secureCookies = false; // Secure cookies: set when served behind TLS
    // Free failures within the window, then each attempt waits twice as long as the last
    // (1 s, 2 s … up to the window): of one account from one address, of one address.
    int maxFailuresPerAccount = 5;
    int maxFailuresPerAddress = 20;
    int failureWindowMinutes = 15;
    // Reverse proxies whose X-Forwarded-For names the client (e.g. 127.0.0.1 for nginx on
    // the same machine); from anyone else the header is ignored.
    std::vector<std::string> trustedProxies;
};

} // namespace tracker::net
