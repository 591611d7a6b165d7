#include "tracker/plot.h"

#include "tracker/code_table.h"
#include "tracker/decimal.h"
#include "tracker/text_checks.h"

#include <algorithm>

namespace tracker
{
namespace
{
constexpr CodeTable<PlotStatus, 3> kStatuses{{{
    {PlotStatus::Available, "available", "Còn trống", "Available"},
    {PlotStatus::Reserved, "reserved", "Đã đặt chỗ", "Reserved"},
    {PlotStatus::Leased, "leased", "Đã cho thuê", "Leased"},
}}};

bool plainText(const std::string& text, std::size_t limit)
{
    return isValidUtf8(text) && codePointCount(text) <= limit &&
           std::none_of(text.begin(), text.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}
} // namespace

std::string_view code(PlotStatus status)
{
    return kStatuses.names(status).code;
}

std::string_view label(PlotStatus status, bool english)
{
    const auto& names = kStatuses.names(status);
    return english ? names.en : names.vi;
}

std::optional<PlotStatus> plotStatusFromCode(std::string_view text)
{
    return kStatuses.fromCode(text);
}

std::variant<Plot, FieldErrors> validatePlot(const PlotDraft& draft, const Cluster& cluster)
{
    Plot plot;
    FieldErrors errors;
    plot.clusterId = cluster.id;
    plot.label = trimmedCopy(draft.label);
    if (plot.label.empty() || !plainText(plot.label, 50))
        errors.push_back({"label", "Nhập ký hiệu lô (tối đa 50 ký tự), ví dụ A1.",
                          "Enter the plot's label (up to 50 characters), for example A1."});
    const auto area = parseScaledDecimal(trimmedCopy(draft.areaHa), 4);
    const auto bound = cluster.industrialArea ? cluster.industrialArea : cluster.totalArea;
    if (!area || *area <= 0)
        errors.push_back({"plot_area_ha", "Diện tích lô tính bằng ha, lớn hơn 0, ví dụ 1,2.",
                          "The plot's area is in hectares, above 0, for example 1.2."});
    else if (bound && *area > *bound)
        errors.push_back({"plot_area_ha", "Diện tích lô lớn hơn đất công nghiệp của cụm.",
                          "The plot is larger than the cluster's industrial land."});
    else
        plot.area = *area;
    if (const auto status = plotStatusFromCode(draft.status))
        plot.status = *status;
    else
        errors.push_back({"status", "Chọn trạng thái của lô.", "Choose the plot's status."});
    plot.sectors = trimmedCopy(draft.sectors);
    if (!plainText(plot.sectors, 300))
        errors.push_back({"sectors", "Ngành nghề tối đa 300 ký tự.",
                          "The sectors have at most 300 characters."});
    if (!errors.empty())
        return errors;
    return plot;
}

} // namespace tracker
