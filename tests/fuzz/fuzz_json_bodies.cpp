// The JSON body of every write of the API, sent with a valid token: each answer is a clean
// 2xx/4xx whose body is JSON; a 5xx (other than a busy 503), no answer or a body that is
// not JSON is a finding.
#include "fuzz_server.h"

#include <Poco/JSON/Parser.h>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>

using namespace tracker::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::array<std::pair<const char*, const char*>, 9> kWrites{{
        {"POST", "/api/v1/clusters/huu-bang/reports"},
        {"PATCH", "/api/v1/clusters/huu-bang"},
        {"POST", "/api/v1/clusters/huu-bang/tenants"},
        {"PATCH", "/api/v1/tenants/1"},
        {"POST", "/api/v1/clusters/huu-bang/baselines"},
        {"POST", "/api/v1/delays/1/acknowledge"},
        {"POST", "/api/v1/statutory-reports/02/huu-bang/2026-Y"},
        {"POST", "/api/v1/statutory-reports/03/10369/2026-Y"},
        {"POST", "/api/v1/tokens"},
    }};
    if (size < 1)
        return 0;
    const auto& [method, path] = kWrites[data[0] % kWrites.size()];
    const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
    const auto answer = sendRaw(request(method, path, "application/json", body, false, true));
    requireCleanAnswer(answer, path);
    const auto start = answer.body.find("\r\n\r\n");
    try
    {
        Poco::JSON::Parser().parse(answer.body.substr(start == std::string::npos ? 0 : start + 4));
    }
    catch (const Poco::Exception&)
    {
        std::fprintf(stderr, "FINDING: %s answered a body that is not JSON:\n%.2000s\n", path,
                     answer.body.c_str());
        std::abort();
    }
    return 0;
}
