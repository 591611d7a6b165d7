#pragma once

#include "tracker/model.h"

#include <optional>
#include <string>
#include <vector>

namespace tracker
{

// Nghị định 32/2024/NĐ-CP, Điều 8: the conditions the tracker's figures can test. Each
// verdict says what it rests on; a missing figure makes it unknown, never a guess.
enum class Verdict
{
    May,
    MayNot,
    Unknown
};

std::string_view code(Verdict verdict); // may | may_not | unknown

// One cluster as the tests need it: its record, the industrial land leased now, its work
// items, and whether its commune is certain.
struct Article8Cluster
{
    Cluster cluster;
    SquareMetres leased = 0;
    std::vector<WorkItem> items;
};

// Occupancy as Điều 2 khoản 7 defines it: leased industrial land over the cluster's
// industrial land (of the approved detailed plan), in hundredths of a per cent; nothing when
// the industrial land is not on record.
std::optional<long long> occupancyHundredths(const Article8Cluster& c);

struct AreaVerdict
{
    Verdict verdict = Verdict::Unknown;
    int clusters = 0;
    std::optional<long long> averageOccupancy; // hundredths of a per cent
    std::optional<SquareMetres> unleasedIndustrialLand;
    std::vector<std::string> reasonsVi;
    std::vector<std::string> reasonsEn;
};

// Khoản 1 điểm c: where clusters are already established, a new one needs their average
// occupancy above 50 % or at most 100 ha of their industrial land unleased. (Points a and
// b — the provincial list and a developer's proposal — are not the tracker's to judge.)
AreaVerdict newClusterVerdict(const std::vector<Article8Cluster>& established);

struct ExpansionVerdict
{
    Verdict verdict = Verdict::Unknown;
    std::optional<long long> occupancy;
    std::vector<std::string> reasonsVi;
    std::vector<std::string> reasonsEn;
};

// Khoản 2: the total area stays within 75 ha after expansion (a: the headroom is shown),
// occupancy at least 60 % (c), and internal roads, water supply and wastewater treatment
// finished (d). Demand beyond the land (c's alternative) is not recorded, so a cluster
// under 60 % is told it may not unless that demand is shown.
ExpansionVerdict expansionVerdict(const Article8Cluster& cluster);

} // namespace tracker
