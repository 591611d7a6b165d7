#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"
#include "tracker/delay_flag.h"
#include "tracker/delay_rules.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tracker::persistence
{

enum class Acknowledgement
{
    Done,
    NotOpen, // no open flag has that id (a scan may have resolved it meanwhile)
    Stale    // someone acknowledged it since the caller read `expectedVersion`
};

// Which flags a list shows: open ones, resolved ones (on or after a date, when given), or
// all; in one former district, or everywhere.
struct FlagFilter
{
    enum class State
    {
        Open,
        Resolved,
        All
    };
    State state = State::Open;
    std::optional<Date> resolvedSince; // with Resolved
    std::string district;              // the former district's Vietnamese name, or ""
};

struct FlagCount
{
    std::size_t flags = 0;
    std::size_t clusters = 0; // how many clusters those flags are about
};

class DelayFlagRepository
{
public:
    explicit DelayFlagRepository(Database& database) : _database(database) {}

    // Applies one scan's findings (cluster id → findings) in one transaction: raises new
    // flags, updates the numbers of open ones, resolves open flags no longer found.
    ScanOutcome applyScan(const std::map<std::int64_t, std::vector<DelayFinding>>& findings,
                          const Date& today);

    // Open flags, and flags resolved on or after `resolvedSince` (for history), newest first.
    std::vector<DelayFlag> openFlags();
    std::vector<DelayFlag> flagsTouchedSince(const Date& since);
    std::vector<DelayFlag> flagsOfCluster(std::int64_t clusterId);
    // A list a page at a time, as /delays and /api/v1/delays show it: reading every open
    // flag to show a hundred was most of a render at national scale (2,289 open flags).
    FlagCount countFlags(const FlagFilter& filter);
    // `count` flags from `offset`, newest raised first.
    std::vector<DelayFlag> flagsPage(const FlagFilter& filter, std::size_t offset,
                                     std::size_t count);
    std::optional<DelayFlag> findFlag(std::int64_t flagId);
    // Records who acknowledged the flag (a name shown on the public pages) and what they
    // said, with an audit entry in the same transaction. With `expectedVersion`, only over
    // that version of the acknowledgement.
    Acknowledgement acknowledge(std::int64_t flagId, const std::string& by,
                                const std::string& comment, const Date& today,
                                const AuditContext& context,
                                std::optional<int> expectedVersion = std::nullopt);

private:
    std::vector<DelayFlag> select(const std::string& where,
                                  const std::vector<std::string>& parameters);
    Database& _database;
};

} // namespace tracker::persistence
