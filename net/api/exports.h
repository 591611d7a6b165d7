#pragma once

#include "net/views/locale.h"
#include "net/views/tables.h"
#include "persistence/delay_flag_repository.h"
#include "tracker/metrics.h"

#include <string>
#include <vector>

namespace tracker::net
{

// The cluster list and the tenants as sheets, headed in the reader's language. Exact
// figures: areas in ha with the m² digits, money in whole VND.
Table clustersTable(const std::vector<ClusterSummary>& summaries, Language language);
Table tenantsTable(const std::vector<ClusterDetail>& details, Language language);

// An Atom (RFC 4287) feed with one entry per current delay; `today` dates the feed.
// Links are absolute (from `publicBaseUrl`, mail.publicBaseUrl) and keep the language: a
// feed reader resolves relative links against wherever it fetched the feed, or nowhere.
std::string delaysAtom(const std::vector<DelayFlag>& flags, const Date& today, Language language,
                       const std::string& publicBaseUrl);

} // namespace tracker::net
