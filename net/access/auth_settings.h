#pragma once

namespace tracker::net
{

// Sessions and sign-in throttling (auth.* in tracker.properties).
struct AuthSettings
{
    int sessionHours = 8;
    bool secureCookies = false;    // Secure cookies: set when served behind TLS
    int maxFailuresPerAccount = 5; // within the window, then that account waits
    int maxFailuresPerAddress = 20;
    int failureWindowMinutes = 15;
};

} // namespace tracker::net
