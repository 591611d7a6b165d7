#pragma once

#include "persistence/database.h"

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

namespace tracker::persistence
{

// A backup is one SQLite file with the tracker's schema, whatever the backend it came from,
// so it can be opened with the sqlite3 shell, checked, and restored into either backend
// (which also moves a SQLite installation to MariaDB).
class BackupError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct CopyOutcome
{
    int tables = 0;
    std::int64_t rows = 0;
};

using CopyProgress = std::function<void(const std::string& line)>;

// Writes one consistent instant of `source` to `file` while others go on writing: SQLite
// through its online backup API, MariaDB from a consistent snapshot. The file appears only
// when complete (written beside it, then renamed), so a crash never leaves half a backup.
CopyOutcome backupDatabase(Database& source, const std::string& file, const CopyProgress& progress);

// Loads a backup into `target`, which must be migrated and hold no rows, in one
// transaction: either every row arrives or none. A backup from an older version is brought
// to the current schema first (on a copy; the file is never changed).
CopyOutcome restoreDatabase(const std::string& file, Database& target,
                            const CopyProgress& progress);

} // namespace tracker::persistence
