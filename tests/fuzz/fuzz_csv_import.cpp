// CSV import files (tenants and progress reports), checked as the back office and the
// command line check them (a dry run, nothing written) against the demo registry: every
// problem must come back as a row error, never as an exception or a crash.
#include "fuzz_server.h"
#include "net/operations/bulk_import.h"
#include "persistence/seed_reader.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace tracker;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    net::ImportRequest request;
    request.kind = data[0] % 2 ? net::ImportKind::Tenants : net::ImportKind::Reports;
    request.csv.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
    request.dryRun = true;
    request.audit = {"fuzz", "127.0.0.1", "2026-12-01T09:00:00+07:00"};
    request.today = Date{2026, 12, 1};
    try
    {
        const auto outcome = net::importCsv(*fuzz::server().database, request);
        if (outcome.written)
            std::abort(); // a dry run never writes
        for (const auto& error : outcome.errors)
            if (error.vi.empty() || error.en.empty())
                std::abort(); // every problem is said in both languages
    }
    catch (const std::exception& error)
    {
        std::fprintf(stderr, "FINDING: the import threw: %s\n", error.what());
        std::abort();
    }
    return 0;
}
