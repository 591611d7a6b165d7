// Form bodies (application/x-www-form-urlencoded) of every form, posted to the real server
// with an admin's session and CSRF token, so that each form's parsing and validation run.
// A refusal is a clean 4xx; a 5xx (other than a busy 503) or no answer is a finding.
#include "fuzz_server.h"

#include <array>
#include <cstdint>

using namespace tracker::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::array<const char*, 21> kForms{"/admin/clusters/huu-bang/report",
                                                    "/admin/clusters/huu-bang/registry",
                                                    "/admin/clusters/huu-bang/facts",
                                                    "/admin/clusters/huu-bang/units",
                                                    "/admin/clusters/huu-bang/tenants/new",
                                                    "/admin/clusters/huu-bang/baseline",
                                                    "/admin/clusters/huu-bang/plots",
                                                    "/admin/users",
                                                    "/admin/tokens",
                                                    "/admin/subscriptions",
                                                    "/account/password",
                                                    "/clusters/huu-bang/enquiry",
                                                    "/subscribe",
                                                    "/subscriptions/confirm",
                                                    "/login",
                                                    "/admin/delays/1",
                                                    "/admin/enquiries/1",
                                                    "/admin/statutory/02/huu-bang/2026-Y",
                                                    "/unsubscribe",
                                                    "/admin/tenants/1",
                                                    "/admin/users/1"};
    if (size < 1)
        return 0;
    const char* form = kForms[data[0] % kForms.size()];
    const std::string body = "csrf=" + server().csrf + "&" +
                             std::string(reinterpret_cast<const char*>(data) + 1, size - 1);
    requireCleanAnswer(
        sendRaw(request("POST", form, "application/x-www-form-urlencoded", body, true, false)),
        form);
    return 0;
}
