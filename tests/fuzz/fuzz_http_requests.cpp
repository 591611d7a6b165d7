// Whole requests as raw bytes (request line, headers, framing, body) to the real server:
// any answer must be a clean one; the connection may also just close. A crash, a hang or a
// 5xx other than a busy 503 is a finding.
#include "fuzz_server.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace tracker::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto answer = sendRaw(std::string(reinterpret_cast<const char*>(data), size));
    if (answer.status >= 500 && answer.status != 503)
    {
        std::fprintf(stderr, "FINDING: a raw request answered %d:\n%.2000s\n", answer.status,
                     answer.body.c_str());
        std::abort();
    }
    return 0;
}
