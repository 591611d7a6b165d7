#pragma once

#include "tracker/date.h"
#include "tracker/field_errors.h"
#include "tracker/model.h"
#include "tracker/plot.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tracker
{

// The central wastewater plant (Biểu 02 chỉ tiêu 13, Biểu 03 chỉ tiêu 26).
enum class WastewaterState
{
    None,
    Building,
    Built
};

std::string_view code(WastewaterState state);
std::optional<WastewaterState> wastewaterStateFromCode(std::string_view code);

// What the statutory forms and Điều 8 need of a cluster beyond its registry entry; each one
// unknown until someone who knows enters it, with its source.
struct ClusterFacts
{
    std::int64_t clusterId = 0;
    std::optional<SquareMetres> readyToLease; // industrial land with finished infrastructure
    std::optional<WastewaterState> wastewater;
    std::optional<bool> wastewaterCompliant;
    std::optional<Date> detailedPlanApproved;
    std::optional<Date> infraProjectApproved;
    std::optional<bool> craftVillage;
    std::optional<bool> specialised; // ≥ 60 % of industrial land for one trade (TT 14/2024)
    std::string developerContact;    // published, for investors: phone, email, address
    std::string leaseTerms;          // published lease terms, as the developer gives them
    std::string source;
    int version = 0; // 0: never entered
    // The plots the developer publishes, read with the facts; written one by one
    // (persistence/plot_repository.h), outside the facts' version.
    std::vector<Plot> plots;
};

// As the form sends it: "" for unknown, "1"/"0" for yes/no, dates as YYYY-MM-DD.
struct ClusterFactsDraft
{
    std::string readyToLease; // m²
    std::string wastewater;   // none | building | built
    std::string wastewaterCompliant;
    std::string detailedPlanApproved;
    std::string infraProjectApproved;
    std::string craftVillage;
    std::string specialised;
    std::string source;
    std::string developerContact;
    std::string leaseTerms;
};

// `current` with the draft applied, or what is wrong with it (the ready land above the
// cluster's industrial land, a compliant plant that is not built, a figure without source).
std::variant<ClusterFacts, FieldErrors> validateFacts(const ClusterFactsDraft& draft,
                                                      const ClusterFacts& current,
                                                      const Cluster& cluster, const Date& today);

// What a seeded registry knows: a cluster named "làng nghề" is a craft-village cluster.
ClusterFacts factsFromRegistry(const Cluster& cluster);

} // namespace tracker
