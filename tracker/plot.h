#pragma once

#include "tracker/field_errors.h"
#include "tracker/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace tracker
{

enum class PlotStatus
{
    Available,
    Reserved,
    Leased
};

std::string_view code(PlotStatus status);
std::string_view label(PlotStatus status, bool english);
std::optional<PlotStatus> plotStatusFromCode(std::string_view code);

// A plot of industrial land a developer publishes (Nghị định 32/2024, Điều 19 khoản 5): its
// label on the developer's plan, its area, whether it may be leased now, and the sectors it
// is meant for (free text as the developer writes it; empty: any sector the cluster allows).
struct Plot
{
    std::int64_t clusterId = 0;
    std::string label; // "A1", "Lô CN-03"
    SquareMetres area = 0;
    PlotStatus status = PlotStatus::Available;
    std::string sectors;
};

// As the form sends it: the area in hectares ("1,2").
struct PlotDraft
{
    std::string label;
    std::string areaHa;
    std::string status;
    std::string sectors;
};

// The plot, or what is wrong: a label of 1–50 characters without control characters, an
// area above 0 and at most the cluster's industrial land (or its total area when that is
// unknown), a known status, sectors of at most 300 characters.
std::variant<Plot, FieldErrors> validatePlot(const PlotDraft& draft, const Cluster& cluster);

} // namespace tracker
