#pragma once

#include "net/views/locale.h"
#include "persistence/mail_queue_repository.h"
#include "tracker/enquiry.h"
#include "tracker/model.h"
#include "tracker/subscription.h"

#include <string>
#include <vector>

namespace tracker::net
{

// The emails of the investor features, as plain text in the reader's language (the
// enquirer's, the subscriber's; a developer's copy is in Vietnamese with an English part).

// An investor's enquiry passed to one of the cluster's developer contacts.
persistence::QueuedMail enquiryForDeveloper(const Enquiry& enquiry, const Cluster& cluster,
                                            const std::string& recipient,
                                            const std::string& recipientName,
                                            const std::string& baseUrl);
// The enquirer's receipt: what was sent, to whom, and that nothing of it is public.
persistence::QueuedMail enquiryReceipt(const Enquiry& enquiry, const Cluster& cluster,
                                       bool developerReached, const std::string& baseUrl);

// The only email before consent: the link that confirms a subscription, valid for
// `validHours`.
persistence::QueuedMail optInConfirmation(const Subscription& subscription,
                                          const std::string& whatItFollows,
                                          const std::string& confirmUrl, int validHours);

// One line of a saved-search alert: a cluster that matches now, with its land on offer.
struct LandAlertLine
{
    std::string name;
    std::string href;
    std::optional<SquareMetres> offered;
    std::string change; // "new", "changed"
};
persistence::QueuedMail landAlert(const Subscription& subscription,
                                  const std::string& whatItFollows,
                                  const std::vector<LandAlertLine>& matches, int gone,
                                  const std::string& searchUrl, const std::string& manageUrl,
                                  const std::string& unsubscribeUrl);

} // namespace tracker::net
