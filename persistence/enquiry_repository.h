#pragma once

#include "persistence/audit_repository.h"
#include "persistence/database.h"
#include "persistence/mail_queue_repository.h"
#include "persistence/save_result.h"
#include "tracker/enquiry.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tracker::persistence
{

// Investors' enquiries to developers. Personal data: read only by the back office.
class EnquiryRepository
{
public:
    explicit EnquiryRepository(Database& database) : _database(database) {}

    // Stores the enquiry and queues its emails (to the developer, the receipt to the
    // enquirer), which `mailsFor` makes from its new id, in one transaction; returns it with
    // its id.
    Enquiry create(Enquiry enquiry, const std::string& clientAddress, long long nowUnix,
                   const std::function<std::vector<QueuedMail>(std::int64_t)>& mailsFor,
                   const std::string& messageIdDomain);
    // Enquiries sent from this address, or by this email, since then: the form's rate limit.
    long long countFromAddress(const std::string& clientAddress, long long sinceUnix);
    long long countFromEmail(const std::string& email, long long sinceUnix);

    // Newest first, each with its cluster's code and name.
    std::vector<Enquiry> list();
    std::optional<Enquiry> find(std::int64_t id);
    // Moves the enquiry to `to` when `version` is current and the move is allowed
    // (tracker::mayMove), audited (its status only: nothing personal); `saved` false with the
    // stored one otherwise. The audit entry names the cluster, so that every instance
    // refreshes its page (the developer's answer times).
    SaveResult<Enquiry> move(std::int64_t id, EnquiryStatus to, int version, const Date& today,
                             const AuditContext& audit);

private:
    Database& _database;
};

} // namespace tracker::persistence
