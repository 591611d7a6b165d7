#pragma once

#include "persistence/database.h"
#include "persistence/mail_queue_repository.h"
#include "tracker/subscription.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tracker::persistence
{

// What a self-service request for a subscription did.
enum class OptInRequest
{
    ConfirmationQueued, // a new or renewed request: its confirmation email is queued
    AlreadyActive,      // confirmed and not unsubscribed: nothing sent
    TooMany             // this address got enough confirmation emails lately: nothing sent
};

// Why a confirmation link did not confirm.
enum class ConfirmOutcome
{
    Confirmed,
    Unknown, // no such link, or already used
    Expired
};

// Self-service subscriptions with double opt-in: nothing but the confirmation email goes
// to an address before its owner follows the link in it, and that link works once.
class OptInRepository
{
public:
    explicit OptInRepository(Database& database) : _database(database) {}

    // Records (or renews) an unconfirmed subscription whose link's secret hashes to
    // `confirmHash`, valid until `expiresAt`, and queues `confirmation` with it, in one
    // transaction. `makeToken` turns a new id into its unsubscribe token. At most
    // `maxPerDay` confirmation emails go to one address a day.
    OptInRequest request(Subscription wanted, const std::string& confirmHash, long long expiresAt,
                         long long nowUnix, const Date& today,
                         const std::function<std::string(std::int64_t)>& makeToken,
                         const std::function<QueuedMail(const Subscription&)>& confirmation,
                         const std::string& messageIdDomain, int maxPerDay);
    // Confirms the subscription whose link's secret hashes to `confirmHash`, once.
    std::pair<ConfirmOutcome, std::optional<Subscription>>
    confirm(const std::string& confirmHash, long long nowUnix, const Date& today);

    // Every subscription of the address (active or not), for its manage page.
    std::vector<Subscription> ofEmail(const std::string& email);
    // Confirmed, active saved searches of /land, with what each one's last alert said.
    std::vector<std::pair<Subscription, std::string>> savedSearches();
    // Records `state` as the saved search's last alert when it still says `previous`, and
    // queues `alert` with it (none when `alert` is empty: the first state, at confirmation).
    // False when another run recorded it first: that run sent the alert.
    bool recordAlert(std::int64_t subscriptionId, const std::string& previous,
                     const std::string& state, const std::optional<QueuedMail>& alert,
                     long long nowUnix, const Date& today, const std::string& messageIdDomain);

private:
    Database& _database;
};

} // namespace tracker::persistence
