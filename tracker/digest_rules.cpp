#include "tracker/digest_rules.h"

#include <algorithm>

namespace tracker
{

bool inScope(const Subscription& subscription, const DelayFlag& flag)
{
    if (subscription.scopeKind == "district")
        return flag.district == subscription.scopeValue;
    if (subscription.scopeKind == "cluster")
        return flag.clusterCode == subscription.scopeValue;
    if (subscription.scopeKind == "commune") // a candidate unit hears of it too
        return std::any_of(flag.units.begin(), flag.units.end(),
                           [&](const PlacedUnit& unit)
                           { return unit.code == subscription.scopeValue; });
    return true;
}

DigestSections digestSections(const Subscription& subscription, const std::vector<DelayFlag>& flags,
                              const Date& week)
{
    const Date weekStart = week.plusDays(-kDigestWeekDays); // the week is (start, week]
    DigestSections sections;
    for (const auto& flag : flags)
    {
        if (!inScope(subscription, flag) || week < flag.raisedOn)
            continue;
        if (flag.resolvedOn)
        {
            if (weekStart < *flag.resolvedOn && !(week < *flag.resolvedOn))
                sections.resolved.push_back(flag);
        }
        else if (weekStart < flag.raisedOn)
            sections.raised.push_back(flag);
        else
            sections.still.push_back(flag);
    }
    return sections;
}

std::vector<DelayFlag> digestListing(std::vector<DelayFlag> flags)
{
    std::stable_sort(flags.begin(), flags.end(),
                     [](const DelayFlag& a, const DelayFlag& b)
                     { return static_cast<int>(a.severity) > static_cast<int>(b.severity); });
    if (flags.size() > kDigestListed)
        flags.resize(kDigestListed);
    return flags;
}

std::size_t unlistedCount(std::size_t sectionSize)
{
    return sectionSize > kDigestListed ? sectionSize - kDigestListed : 0;
}

bool writesInEnglish(const Subscription& subscription)
{
    return subscription.language == "en";
}

} // namespace tracker
