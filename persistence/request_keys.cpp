#include "persistence/request_keys.h"

#include "persistence/dialect.h"

#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
constexpr const char* kInsertKey =
    "INSERT INTO request_keys (request_key, fingerprint, entity, entity_id, created_at) "
    "VALUES (:k, :f, :e, :i, :a)";
constexpr const char* kSelectKey =
    "SELECT fingerprint, entity_id FROM request_keys WHERE request_key = :k";

struct KeyTaken
{
};

RepeatedRequest firstUseOf(Database& database, const RequestKey& key)
{
    RepeatedRequest repeated;
    database.withSession(
        [&](soci::session& session)
        {
            std::string fingerprint;
            long long id = 0;
            session << kSelectKey, soci::use(key.key), soci::into(fingerprint), soci::into(id);
            repeated.entityId = id;
            repeated.sameRequest = fingerprint == key.fingerprint;
        });
    return repeated;
}
} // namespace

std::int64_t writeOnce(Database& database, const std::optional<RequestKey>& key,
                       const std::string& entity, const std::string& at,
                       const std::function<std::int64_t(soci::session&)>& write)
{
    std::int64_t id = 0;
    try
    {
        database.withSession(
            [&](soci::session& session)
            {
                soci::transaction transaction(session);
                id = write(session);
                if (key)
                {
                    long long entityId = id;
                    const bool first = dialect::insertIfAbsent(
                        [&]
                        {
                            session << kInsertKey, soci::use(key->key), soci::use(key->fingerprint),
                                soci::use(entity), soci::use(entityId), soci::use(at);
                        });
                    if (!first)
                        throw KeyTaken{}; // the transaction rolls back: nothing written
                }
                transaction.commit();
            });
    }
    catch (const KeyTaken&)
    {
        throw firstUseOf(database, *key);
    }
    return id;
}

} // namespace tracker::persistence
