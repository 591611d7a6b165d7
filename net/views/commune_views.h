#pragma once

#include "net/views/communes.h"
#include "net/views/locale.h"

#include <kainjow/mustache.hpp>
#include <vector>

namespace tracker::net
{

// /communes/{slug}: the unit's totals, what it was formed from, its clusters.
kainjow::mustache::data communeView(const CommuneGroup& group, Language language);
// One row per unit that holds a cluster, for the overview.
kainjow::mustache::data communeRows(const std::vector<CommuneGroup>& groups,
                                    const Formatter& format);

} // namespace tracker::net
