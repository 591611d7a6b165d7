#include "persistence/backup.h"

#include "persistence/dialect.h"
#include "persistence/migrations.h"

#include <filesystem>
#include <soci/soci.h>
#include <unistd.h>

namespace tracker::persistence
{
namespace
{
constexpr std::size_t kBatchRows = 500;
constexpr const char* kSchemaTable = "schema_version"; // written by the migrations

std::string joined(const std::vector<std::string>& parts, const std::string& separator)
{
    std::string text;
    for (const auto& part : parts)
        text += (text.empty() ? "" : separator) + part;
    return text;
}

// Rows of one table, read as text and written in batches.
class TableCopy
{
public:
    TableCopy(const std::string& table, const std::vector<std::string>& columns)
        : _values(columns.size()), _indicators(columns.size())
    {
        std::vector<std::string> reads, places;
        for (std::size_t i = 0; i < columns.size(); ++i)
        {
            reads.push_back(dialect::columnAsText(columns[i]));
            places.push_back(":p" + std::to_string(i));
        }
        _select = "SELECT " + joined(reads, ", ") + " FROM " + table;
        _insert = "INSERT INTO " + table + " (" + joined(columns, ", ") + ") VALUES (" +
                  joined(places, ", ") + ")";
    }

    std::int64_t run(soci::session& from, soci::session& to)
    {
        std::int64_t rows = 0;
        soci::rowset<soci::row> source = from.prepare << _select;
        for (const auto& row : source)
        {
            for (std::size_t i = 0; i < _values.size(); ++i)
            {
                const bool null = row.get_indicator(i) == soci::i_null;
                _values[i].push_back(null ? std::string() : row.get<std::string>(i));
                _indicators[i].push_back(null ? soci::i_null : soci::i_ok);
            }
            if (++rows % kBatchRows == 0)
                flush(to);
        }
        flush(to);
        return rows;
    }

private:
    void flush(soci::session& to)
    {
        if (_values.empty() || _values[0].empty())
            return;
        soci::statement insert(to);
        for (std::size_t i = 0; i < _values.size(); ++i)
            insert.exchange(soci::use(_values[i], _indicators[i]));
        insert.alloc();
        insert.prepare(_insert);
        insert.define_and_bind();
        insert.execute(true);
        for (std::size_t i = 0; i < _values.size(); ++i)
        {
            _values[i].clear();
            _indicators[i].clear();
        }
    }

    std::string _select, _insert;
    std::vector<std::vector<std::string>> _values;
    std::vector<std::vector<soci::indicator>> _indicators;
};

std::vector<std::string> dataTables(soci::session& session)
{
    std::vector<std::string> tables;
    for (const auto& table : dialect::tableNames(session))
        if (table != kSchemaTable)
            tables.push_back(table);
    return tables;
}

// Copies every data table of `from` into `to`, which is inside an open transaction.
CopyOutcome copyTables(soci::session& from, soci::session& to, const CopyProgress& progress)
{
    CopyOutcome outcome;
    for (const auto& table : dataTables(from))
    {
        const std::int64_t rows = TableCopy(table, dialect::columnNames(to, table)).run(from, to);
        progress(table + ": " + std::to_string(rows) + " rows");
        ++outcome.tables;
        outcome.rows += rows;
    }
    return outcome;
}

std::string sqliteUrl(const std::filesystem::path& file)
{
    return "sqlite:" + file.string();
}

std::filesystem::path partialPath(const std::string& file)
{
    return std::filesystem::path(file + ".partial");
}

void removeSqliteFile(const std::filesystem::path& file)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(file.string() + suffix);
}

CopyOutcome backupFromServer(Database& source, const std::filesystem::path& partial,
                             const CopyProgress& progress)
{
    Database backup(DatabaseUrl::parse(sqliteUrl(partial)), 1);
    migrate(backup);
    CopyOutcome outcome;
    source.withSession(
        [&](soci::session& from)
        {
            dialect::beginSnapshot(from);
            backup.withSession(
                [&](soci::session& to)
                {
                    soci::transaction transaction(to);
                    dialect::withForeignKeysDeferred(to, [&]
                                                     { outcome = copyTables(from, to, progress); });
                    transaction.commit();
                });
            from.rollback();
        });
    return outcome;
}

CopyOutcome backupFromSqlite(Database& source, const std::filesystem::path& partial,
                             const CopyProgress& progress)
{
    int pages = 0;
    source.withSession([&](soci::session& session)
                       { pages = dialect::copySqliteFile(session, partial.string()); });
    progress("copied " + std::to_string(pages) + " pages with SQLite's online backup");
    CopyOutcome outcome;
    Database backup(DatabaseUrl::parse(sqliteUrl(partial)), 1);
    backup.withSession(
        [&](soci::session& session)
        {
            for (const auto& table : dataTables(session))
            {
                std::int64_t rows = 0;
                session << "SELECT COUNT(*) FROM " + table, soci::into(rows);
                ++outcome.tables;
                outcome.rows += rows;
            }
        });
    return outcome;
}

// Opens the working copy of a backup and checks that it is an undamaged tracker backup.
std::unique_ptr<Database> openBackup(const std::filesystem::path& copy, const std::string& file)
{
    try
    {
        auto backup = std::make_unique<Database>(DatabaseUrl::parse(sqliteUrl(copy)), 1);
        backup->withSession(
            [&](soci::session& session)
            {
                std::string check;
                session << "PRAGMA quick_check", soci::into(check);
                if (check != "ok")
                    throw BackupError(file + " is damaged: " + check);
            });
        const int version = schemaVersion(*backup);
        if (version == 0)
            throw BackupError(file + " is not a tracker backup (it has no schema_version)");
        if (version > latestSchemaVersion(Backend::Sqlite))
            throw BackupError(file + " comes from a newer tracker (schema " +
                              std::to_string(version) + "); upgrade this one first");
        return backup;
    }
    catch (const BackupError&)
    {
        throw;
    }
    catch (const std::exception&) // SQLite: "file is not a database", from a work copy
    {
        throw BackupError(file + " is not a tracker backup (not a SQLite database)");
    }
}

void requireEmpty(soci::session& session)
{
    for (const auto& table : dataTables(session))
    {
        std::int64_t rows = 0;
        session << "SELECT COUNT(*) FROM " + table, soci::into(rows);
        if (rows > 0)
            throw BackupError("a restore needs an empty database, but table " + table +
                              " already has " + std::to_string(rows) +
                              " rows; restore into a new database");
    }
}

std::filesystem::path workingCopy(const std::string& file)
{
    if (!std::filesystem::is_regular_file(file))
        throw BackupError("no backup file at " + file);
    const auto copy = std::filesystem::temp_directory_path() /
                      ("tracker-restore-" + std::to_string(::getpid()) + ".sqlite");
    removeSqliteFile(copy);
    std::filesystem::copy_file(file, copy);
    return copy;
}
} // namespace

CopyOutcome backupDatabase(Database& source, const std::string& file, const CopyProgress& progress)
{
    const auto folder = std::filesystem::absolute(file).parent_path();
    if (!std::filesystem::is_directory(folder) || ::access(folder.c_str(), W_OK) != 0)
        throw BackupError("cannot write the backup: " + folder.string() +
                          " is not a folder this process may write to");
    if (std::filesystem::exists(file))
        throw BackupError(file + " already exists; choose a new name (a backup never "
                                 "overwrites another)");
    const auto partial = partialPath(file);
    removeSqliteFile(partial);
    CopyOutcome outcome;
    try
    {
        outcome = source.backend() == Backend::Sqlite ? backupFromSqlite(source, partial, progress)
                                                      : backupFromServer(source, partial, progress);
    }
    catch (...)
    {
        removeSqliteFile(partial);
        throw;
    }
    std::filesystem::rename(partial, file);
    return outcome;
}

CopyOutcome restoreDatabase(const std::string& file, Database& target, const CopyProgress& progress)
{
    const auto copy = workingCopy(file);
    struct Cleanup
    {
        std::filesystem::path path;
        ~Cleanup() { removeSqliteFile(path); }
    } cleanup{copy};
    CopyOutcome outcome;
    {
        const auto backup = openBackup(copy, file);
        if (const int applied = migrate(*backup); applied > 0)
            progress("brought the backup's schema up to date (" + std::to_string(applied) +
                     " migrations)");
        backup->withSession(
            [&](soci::session& from)
            {
                target.withSession(
                    [&](soci::session& to)
                    {
                        requireEmpty(to);
                        soci::transaction transaction(to);
                        dialect::withForeignKeysDeferred(
                            to, [&] { outcome = copyTables(from, to, progress); });
                        transaction.commit();
                    });
            });
    }
    return outcome;
}

} // namespace tracker::persistence
