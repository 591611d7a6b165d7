#pragma once

#include "persistence/database.h"
#include "tracker/merge.h"

#include <cstdint>
#include <optional>
#include <string>

namespace soci
{
class session;
}

namespace tracker::persistence
{

// The editable fields a record had at a version, kept when a save moves it past that
// version: an edit begun from it that arrives late is merged field by field against it
// (tracker/merge.h) instead of overwriting what others changed meanwhile.
// Inside the save's transaction, so that the version and its record commit together.
void keepVersion(soci::session& session, const std::string& entity, std::int64_t id, int version,
                 const FieldValues& fields);

// Nothing for a version saved before versions were kept, or never reached.
std::optional<FieldValues> keptVersion(Database& database, const std::string& entity,
                                       std::int64_t id, int version);

} // namespace tracker::persistence
