#include "persistence/kept_versions.h"

#include "persistence/row_values.h"

#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
constexpr const char* kInsertField =
    "INSERT INTO kept_versions (entity, entity_id, version, field, value) "
    "VALUES (:e, :i, :v, :f, :x)";
constexpr const char* kSelectVersion = "SELECT field, value FROM kept_versions "
                                       "WHERE entity = :e AND entity_id = :i AND version = :v";
} // namespace

void keepVersion(soci::session& session, const std::string& entity, std::int64_t id, int version,
                 const FieldValues& fields)
{
    const long long entityId = id;
    for (const auto& [field, value] : fields)
        session << kInsertField, soci::use(entity), soci::use(entityId), soci::use(version),
            soci::use(field), soci::use(value);
}

std::optional<FieldValues> keptVersion(Database& database, const std::string& entity,
                                       std::int64_t id, int version)
{
    std::optional<FieldValues> kept;
    database.withSession(
        [&](soci::session& session)
        {
            FieldValues fields;
            forEachRow(session, kSelectVersion,
                       {entity, std::to_string(id), std::to_string(version)},
                       [&](const soci::row& row)
                       { fields.emplace_back(text(row, "field"), text(row, "value")); });
            kept = fields.empty() ? std::nullopt : std::optional<FieldValues>(fields);
        });
    return kept;
}

} // namespace tracker::persistence
