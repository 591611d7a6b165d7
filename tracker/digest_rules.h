#pragma once

#include "tracker/delay_flag.h"
#include "tracker/subscription.h"

#include <cstddef>
#include <vector>

namespace tracker
{

// What the weekly digest tells one subscriber, decided without templates or mail.
//
// The week of a digest is the 7 days that end on its date: (week − 7, week]. A flag in
// the subscriber's scope goes into one section: "new" if it was raised in the week and is
// open, "still" if it was raised before and is open, "resolved" if it was resolved in the
// week. Flags raised after the week, or resolved before it, are not mentioned.
constexpr int kDigestWeekDays = 7;

bool inScope(const Subscription& subscription, const DelayFlag& flag);

struct DigestSections
{
    std::vector<DelayFlag> raised, still, resolved;
    // Nothing to say: no email is sent (never an empty digest).
    bool empty() const { return raised.empty() && still.empty() && resolved.empty(); }
};

DigestSections digestSections(const Subscription& subscription, const std::vector<DelayFlag>& flags,
                              const Date& week);

// A digest stays readable: each section lists the most severe flags first (ties keep the
// scan's order), at most kDigestListed of them, and says how many more the delay page has.
constexpr std::size_t kDigestListed = 30;
std::vector<DelayFlag> digestListing(std::vector<DelayFlag> flags);
std::size_t unlistedCount(std::size_t sectionSize);

// The language of the subscriber's email: English when they chose it, else Vietnamese.
bool writesInEnglish(const Subscription& subscription);

} // namespace tracker
