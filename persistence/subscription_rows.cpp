#include "persistence/subscription_rows.h"

#include "persistence/row_values.h"

#include <soci/soci.h>

namespace tracker::persistence
{

const std::string kSubscriptionColumns =
    "SELECT id, email, name, language, scope_kind, scope_value, token, unsubscribed_on, "
    "confirmed_on FROM subscriptions ";

Subscription subscriptionFromRow(const soci::row& row)
{
    Subscription s;
    s.id = integer(row, "id");
    s.email = text(row, "email");
    s.name = text(row, "name");
    s.language = text(row, "language");
    s.scopeKind = text(row, "scope_kind");
    s.scopeValue = text(row, "scope_value");
    s.token = text(row, "token");
    s.unsubscribedOn = optionalDate(row, "unsubscribed_on");
    s.confirmedOn = optionalDate(row, "confirmed_on");
    return s;
}

std::optional<Subscription> findOne(soci::session& session, const std::string& where,
                                    const std::vector<std::string>& parameters)
{
    std::optional<Subscription> found;
    forEachRow(
        session, kSubscriptionColumns + where, parameters,
        [&](const soci::row& row) { found = subscriptionFromRow(row); }, 1);
    return found;
}

} // namespace tracker::persistence
