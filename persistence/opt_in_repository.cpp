#include "persistence/opt_in_repository.h"

#include "persistence/row_values.h"
#include "persistence/subscription_rows.h"

#include <soci/soci.h>

namespace tracker::persistence
{
namespace
{
constexpr const char* kInsertUnconfirmed =
    "INSERT INTO subscriptions (email, name, language, scope_kind, scope_value, token, created_on, "
    "confirm_hash, confirm_expires_at) VALUES (:e, :n, :l, :k, :v, :t, :d, :h, :x)";
constexpr const char* kRenewRequest =
    "UPDATE subscriptions SET name = :n, language = :l, confirm_hash = :h, confirm_expires_at = "
    ":x, confirmed_on = NULL, unsubscribed_on = NULL WHERE id = :i";
constexpr const char* kSelectIdByToken = "SELECT id FROM subscriptions WHERE token = :t";
constexpr const char* kSetToken = "UPDATE subscriptions SET token = :t WHERE id = :i";
constexpr const char* kCountMailTo =
    "SELECT COUNT(*) FROM mail_queue WHERE recipient = :r AND created_at >= :s";
constexpr const char* kSelectExpiry =
    "SELECT id, confirm_expires_at FROM subscriptions WHERE confirm_hash = :h";
constexpr const char* kConfirm =
    "UPDATE subscriptions SET confirmed_on = :d, confirm_hash = NULL, confirm_expires_at = NULL "
    "WHERE id = :i AND confirm_hash = :h";
constexpr const char* kRecordAlert =
    "UPDATE subscriptions SET alert_state = :s WHERE id = :i AND COALESCE(alert_state, '') = :p";
const std::string kSavedSearches =
    "SELECT id, email, name, language, scope_kind, scope_value, token, unsubscribed_on, "
    "confirmed_on, alert_state FROM subscriptions WHERE scope_kind = 'land' AND confirmed_on IS "
    "NOT NULL AND unsubscribed_on IS NULL ORDER BY id";

long long insertUnconfirmed(soci::session& session, const Subscription& wanted,
                            const std::string& hash, long long expiresAt, const Date& today,
                            const std::function<std::string(std::int64_t)>& makeToken)
{
    const std::string day = today.iso();
    const std::string placeholder =
        "new:" + wanted.email + ":" + wanted.scopeKind + ":" + wanted.scopeValue;
    long long expires = expiresAt;
    session << kInsertUnconfirmed, soci::use(wanted.email), soci::use(wanted.name),
        soci::use(wanted.language), soci::use(wanted.scopeKind), soci::use(wanted.scopeValue),
        soci::use(placeholder), soci::use(day), soci::use(hash), soci::use(expires);
    long long id = 0;
    session << kSelectIdByToken, soci::use(placeholder), soci::into(id);
    const std::string token = makeToken(id);
    session << kSetToken, soci::use(token), soci::use(id);
    return id;
}
} // namespace

OptInRequest
OptInRepository::request(Subscription wanted, const std::string& confirmHash, long long expiresAt,
                         long long nowUnix, const Date& today,
                         const std::function<std::string(std::int64_t)>& makeToken,
                         const std::function<QueuedMail(const Subscription&)>& confirmation,
                         const std::string& messageIdDomain, int maxPerDay)
{
    OptInRequest outcome = OptInRequest::ConfirmationQueued;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            const auto existing =
                findOne(session, "WHERE email = :e AND scope_kind = :k AND scope_value = :v",
                        {wanted.email, wanted.scopeKind, wanted.scopeValue});
            if (existing && existing->confirmedOn && !existing->unsubscribedOn)
            {
                outcome = OptInRequest::AlreadyActive;
                return;
            }
            long long sent = 0, since = nowUnix - 86400;
            session << kCountMailTo, soci::use(wanted.email), soci::use(since), soci::into(sent);
            if (sent >= maxPerDay)
            {
                outcome = OptInRequest::TooMany;
                return;
            }
            long long expires = expiresAt;
            if (existing)
            {
                long long id = existing->id;
                session << kRenewRequest, soci::use(wanted.name), soci::use(wanted.language),
                    soci::use(confirmHash), soci::use(expires), soci::use(id);
            }
            const long long id = existing ? existing->id
                                          : insertUnconfirmed(session, wanted, confirmHash,
                                                              expiresAt, today, makeToken);
            const auto stored = findOne(session, "WHERE id = :i", {std::to_string(id)});
            enqueueMail(session, confirmation(*stored), nowUnix, today, messageIdDomain);
            transaction.commit();
            outcome = OptInRequest::ConfirmationQueued;
        });
    return outcome;
}

std::pair<ConfirmOutcome, std::optional<Subscription>>
OptInRepository::confirm(const std::string& confirmHash, long long nowUnix, const Date& today)
{
    std::pair<ConfirmOutcome, std::optional<Subscription>> result{ConfirmOutcome::Unknown, {}};
    _database.withSession(
        [&](soci::session& session)
        {
            result = {ConfirmOutcome::Unknown, {}};
            long long id = 0, expires = 0;
            soci::indicator none = soci::i_null;
            session << kSelectExpiry, soci::use(confirmHash), soci::into(id),
                soci::into(expires, none);
            if (!session.got_data())
                return;
            if (none != soci::i_ok || expires < nowUnix)
            {
                result.first = ConfirmOutcome::Expired;
                return;
            }
            const std::string day = today.iso();
            soci::statement update = (session.prepare << kConfirm, soci::use(day), soci::use(id),
                                      soci::use(confirmHash));
            update.execute(true);
            if (update.get_affected_rows() != 1)
                return; // confirmed a moment ago by another request
            result = {ConfirmOutcome::Confirmed,
                      findOne(session, "WHERE id = :i", {std::to_string(id)})};
        });
    return result;
}

std::vector<Subscription> OptInRepository::ofEmail(const std::string& email)
{
    std::vector<Subscription> list;
    _database.withSession(
        [&](soci::session& session)
        {
            list.clear();
            forEachRow(session, kSubscriptionColumns + "WHERE email = :e ORDER BY id", {email},
                       [&](const soci::row& row) { list.push_back(subscriptionFromRow(row)); });
        });
    return list;
}

std::vector<std::pair<Subscription, std::string>> OptInRepository::savedSearches()
{
    std::vector<std::pair<Subscription, std::string>> list;
    _database.withSession(
        [&](soci::session& session)
        {
            list.clear();
            forEachRow(session, kSavedSearches, {},
                       [&](const soci::row& row)
                       { list.emplace_back(subscriptionFromRow(row), text(row, "alert_state")); });
        });
    return list;
}

bool OptInRepository::recordAlert(std::int64_t subscriptionId, const std::string& previous,
                                  const std::string& state, const std::optional<QueuedMail>& alert,
                                  long long nowUnix, const Date& today,
                                  const std::string& messageIdDomain)
{
    bool recorded = false;
    _database.withSession(
        [&](soci::session& session)
        {
            soci::transaction transaction(session);
            long long id = subscriptionId;
            soci::statement update = (session.prepare << kRecordAlert, soci::use(state),
                                      soci::use(id), soci::use(previous));
            update.execute(true);
            recorded = update.get_affected_rows() == 1;
            if (!recorded)
                return;
            if (alert)
                enqueueMail(session, *alert, nowUnix, today, messageIdDomain);
            transaction.commit();
        });
    return recorded;
}

} // namespace tracker::persistence
