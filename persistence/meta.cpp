#include "persistence/meta.h"

#include "persistence/dialect.h"

#include <soci/soci.h>
#include <stdexcept>

namespace tracker::persistence
{
namespace
{
constexpr const char* kSelectTrackerMetaByName = "SELECT value FROM tracker_meta WHERE name = :n";
constexpr const char* kInsertTrackerMeta = "INSERT INTO tracker_meta (name, value) VALUES (:n, :v)";
} // namespace

std::string metaValueOrInsert(Database& database, const std::string& name,
                              const std::string& valueIfAbsent)
{
    std::string value;
    database.withSession(
        [&](soci::session& session)
        {
            soci::indicator indicator = soci::i_null;
            session << kSelectTrackerMetaByName, soci::use(name), soci::into(value, indicator);
            if (session.got_data() && indicator == soci::i_ok)
                return;
            // Written by another instance in the meantime? Then read theirs.
            dialect::insertIfAbsent(
                [&] { session << kInsertTrackerMeta, soci::use(name), soci::use(valueIfAbsent); });
            session << kSelectTrackerMetaByName, soci::use(name), soci::into(value);
            if (!session.got_data())
                throw std::runtime_error("tracker_meta: cannot write or read '" + name + "'");
        });
    return value;
}

} // namespace tracker::persistence
