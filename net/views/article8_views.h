#pragma once

#include "net/views/locale.h"
#include "tracker/article8.h"

#include <kainjow/mustache.hpp>
#include <string>
#include <vector>

namespace tracker::net
{

struct ClusterExpansion
{
    std::string name;
    std::string href;
    ExpansionVerdict verdict;
};

// The Điều 8 meter of an area (a commune, or the city) and its clusters' expansion verdicts:
// each verdict in words, with the figures and the article point it rests on.
// Sets a8_verdict, a8_code, a8_reasons, a8_clusters and a8_has_clusters on `view`.
void setArticle8View(kainjow::mustache::data& view, const AreaVerdict& area,
                     const std::vector<ClusterExpansion>& clusters, Language language);

} // namespace tracker::net
