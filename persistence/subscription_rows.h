#pragma once

#include "tracker/subscription.h"

#include <optional>
#include <string>
#include <vector>

namespace soci
{
class row;
class session;
} // namespace soci

namespace tracker::persistence
{

// Reading subscriptions, shared by the digest's repository and the opt-in one.
extern const std::string kSubscriptionColumns; // "SELECT … FROM subscriptions "
Subscription subscriptionFromRow(const soci::row& row);
std::optional<Subscription> findOne(soci::session& session, const std::string& where,
                                    const std::vector<std::string>& parameters);

} // namespace tracker::persistence
