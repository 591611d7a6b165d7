#pragma once

#include "tracker/cluster_facts.h"
#include "tracker/model.h"

#include <optional>
#include <string>
#include <vector>

namespace tracker
{

// Industrial land a cluster can offer (Nghị định 32/2024, Điều 19 khoản 5 obliges developers
// to publish it): of its industrial land, what is ready to lease now and what comes later,
// when its infrastructure is due. Nothing is computed from a figure that is not on record:
// without the industrial land every figure is unknown, and the reasons say what is missing.
struct LandAvailability
{
    std::optional<SquareMetres> industrial;
    std::optional<SquareMetres> ready;  // with finished infrastructure
    SquareMetres leased = 0;            // by tenants leasing now
    std::optional<SquareMetres> now;    // ready and not leased
    std::optional<SquareMetres> later;  // industrial land not yet ready
    std::optional<Date> laterBy;        // the cluster's planned finish
    std::vector<std::string> missingVi; // what is not on record
    std::vector<std::string> missingEn;
};

LandAvailability landOf(const Cluster& cluster, const ClusterFacts& facts, SquareMetres leased);

} // namespace tracker
