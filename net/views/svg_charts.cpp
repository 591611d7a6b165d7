#include "net/views/svg_charts.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace tracker::net
{
namespace
{
constexpr double kChartWidth = 720;
constexpr double kLabelWidth = 190;
constexpr double kRowHeight = 26;
constexpr double kPlotTop = 28;

// One decimal, as "%.1f" would write it; to_chars, since a national cluster's S-curves have
// thousands of coordinates and snprintf's formatting was a tenth of its page.
std::string fixed(double value)
{
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, 1);
    return std::string(text, end.ptr);
}

// Maps dates of [first, last] onto [left, right].
struct TimeAxis
{
    Date first;
    Date last;
    double left;
    double right;
    double x(const Date& date) const
    {
        const double span = std::max(1L, first.daysUntil(last));
        const double at = std::clamp(static_cast<double>(first.daysUntil(date)), 0.0, span);
        return left + (right - left) * at / span;
    }
};

void openSvg(std::ostringstream& svg, double height, const std::string& title,
             const std::string& id)
{
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 "
        << fixed(kChartWidth) << " " << fixed(height) << "\" role=\"img\" aria-labelledby=\"" << id
        << "\"><title id=\"" << id << "\">" << xmlEscape(title) << "</title>";
}

void timeLabels(std::ostringstream& svg, const TimeAxis& axis, double y, const Formatter& format)
{
    svg << "<text class=\"axis\" x=\"" << fixed(axis.left) << "\" y=\"" << fixed(y) << "\">"
        << xmlEscape(format.date(axis.first)) << "</text>";
    svg << "<text class=\"axis\" text-anchor=\"end\" x=\"" << fixed(axis.right) << "\" y=\""
        << fixed(y) << "\">" << xmlEscape(format.date(axis.last)) << "</text>";
}

void todayLine(std::ostringstream& svg, const TimeAxis& axis, const Date& today, double top,
               double bottom)
{
    if (today < axis.first || axis.last < today)
        return;
    const double x = axis.x(today);
    svg << "<line class=\"today\" x1=\"" << fixed(x) << "\" y1=\"" << fixed(top) << "\" x2=\""
        << fixed(x) << "\" y2=\"" << fixed(bottom) << "\"/>";
}

std::string points(const std::vector<CurvePoint>& curve, const TimeAxis& axis, double top,
                   double bottom, double maximum)
{
    std::string out;
    for (const auto& point : curve)
    {
        const double share = maximum > 0 ? std::clamp(point.value / maximum, 0.0, 1.0) : 0;
        out += fixed(axis.x(point.date)) + "," + fixed(bottom - (bottom - top) * share) + " ";
    }
    return out;
}

std::string valueText(double value, bool money, const Formatter& format)
{
    return money ? format.billionsVnd(static_cast<Vnd>(std::llround(value)))
                 : format.percent(value);
}
} // namespace

std::string xmlEscape(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text)
    {
        switch (c)
        {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string scheduleChart(const std::vector<ScheduleRow>& rows, const Date& today,
                          const std::string& title, const Formatter& format)
{
    if (rows.empty())
        return {};
    TimeAxis axis{rows.front().plannedStart, rows.front().plannedFinish, kLabelWidth,
                  kChartWidth - 10};
    for (const auto& row : rows)
    {
        axis.first = std::min(axis.first, row.plannedStart);
        axis.last = std::max(axis.last, row.plannedFinish);
    }
    const double bottom = kPlotTop + kRowHeight * static_cast<double>(rows.size());
    std::ostringstream svg;
    openSvg(svg, bottom + 24, title, "schedule-title");
    timeLabels(svg, axis, 16, format);
    double y = kPlotTop;
    for (const auto& row : rows)
    {
        const double x1 = axis.x(row.plannedStart);
        const double width = std::max(2.0, axis.x(row.plannedFinish) - x1);
        svg << "<g" << (row.overdue ? " class=\"overdue\"" : "") << "><title>"
            << xmlEscape(row.label + ": " + format.date(row.plannedStart) + " – " +
                         format.date(row.plannedFinish) + ", " +
                         format.percent(static_cast<double>(row.percentDone)))
            << "</title>";
        svg << "<text class=\"label\" x=\"0\" y=\"" << fixed(y + 17) << "\">"
            << xmlEscape(row.label) << "</text>";
        svg << "<rect class=\"planned\" x=\"" << fixed(x1) << "\" y=\"" << fixed(y + 5)
            << "\" width=\"" << fixed(width) << "\" height=\"16\"/>";
        svg << "<rect class=\"done\" x=\"" << fixed(x1) << "\" y=\"" << fixed(y + 9)
            << "\" width=\"" << fixed(width * std::clamp(row.percentDone, 0, 100) / 100.0)
            << "\" height=\"8\"/></g>";
        y += kRowHeight;
    }
    todayLine(svg, axis, today, kPlotTop - 4, bottom);
    svg << "</svg>";
    return svg.str();
}

std::string sCurveChart(const CurveChart& chart, const Date& today, const Formatter& format)
{
    if (chart.planned.empty() && chart.actual.empty())
        return {};
    std::vector<CurvePoint> all(chart.planned);
    all.insert(all.end(), chart.actual.begin(), chart.actual.end());
    all.insert(all.end(), chart.original.begin(), chart.original.end());
    const auto [earliest, latest] = std::minmax_element(
        all.begin(), all.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    const double top = kPlotTop, bottom = 230, left = 110;
    const TimeAxis axis{earliest->date, latest->date, left, kChartWidth - 10};
    std::ostringstream svg;
    const std::string id = chart.money ? "curve-money" : "curve-physical";
    openSvg(svg, bottom + 30, chart.title, id);
    for (const double share : {0.0, 0.5, 1.0})
    {
        const double y = bottom - (bottom - top) * share;
        svg << "<line class=\"grid\" x1=\"" << fixed(left) << "\" y1=\"" << fixed(y) << "\" x2=\""
            << fixed(axis.right) << "\" y2=\"" << fixed(y) << "\"/>";
        svg << "<text class=\"axis\" text-anchor=\"end\" x=\"" << fixed(left - 6) << "\" y=\""
            << fixed(y + 4) << "\">"
            << xmlEscape(valueText(chart.maximum * share, chart.money, format)) << "</text>";
    }
    timeLabels(svg, axis, bottom + 18, format);
    todayLine(svg, axis, today, top, bottom);
    if (!chart.original.empty())
        svg << "<polyline class=\"original-line\" points=\""
            << points(chart.original, axis, top, bottom, chart.maximum) << "\"/>";
    svg << "<polyline class=\"plan-line\" points=\""
        << points(chart.planned, axis, top, bottom, chart.maximum) << "\"/>";
    svg << "<polyline class=\"actual-line\" points=\""
        << points(chart.actual, axis, top, bottom, chart.maximum) << "\"/>";
    const double step = chart.original.empty() ? 260 : 200;
    const auto legendEntry = [&](const char* cls, double x, const std::string& text)
    {
        svg << "<line class=\"" << cls << "\" x1=\"" << fixed(x) << "\" y1=\"12\" x2=\""
            << fixed(x + 24) << "\" y2=\"12\"/><text x=\"" << fixed(x + 30) << "\" y=\"16\">"
            << xmlEscape(text) << "</text>";
    };
    svg << "<g class=\"legend\">";
    legendEntry("plan-line", left, chart.plannedLabel);
    legendEntry("actual-line", left + step, chart.actualLabel);
    if (!chart.original.empty())
        legendEntry("original-line", left + 2 * step, chart.originalLabel);
    svg << "</g>";
    svg << "</svg>";
    return svg.str();
}

std::string districtMapSvg(const DistrictMap& map, const std::vector<DistrictGroup>& districts,
                           const std::vector<MapMarker>& markers, const std::string& highlight,
                           const std::string& title)
{
    std::map<std::string, const DistrictGroup*> byName;
    for (const auto& group : districts)
        byName[group.name] = &group;
    std::ostringstream svg;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 "
        << fixed(map.width()) << " " << fixed(map.height())
        << "\" role=\"group\" aria-labelledby=\"map-title\"><title id=\"map-title\">"
        << xmlEscape(title) << "</title>";
    for (const auto& shape : map.districts())
    {
        const auto group = byName.find(shape.nameVi);
        std::string cls = "district";
        if (group != byName.end())
            cls += " has-clusters";
        if (group != byName.end() && group->second->slug == highlight)
            cls += " highlight";
        svg << "<path class=\"" << cls << "\" d=\"" << shape.svgPath << "\"><title>"
            << xmlEscape(shape.unitTypeVi + " " + shape.nameVi) << "</title></path>";
    }
    std::map<std::string, int> placed;
    std::map<std::string, int> perDistrict;
    for (const auto& marker : markers)
        ++perDistrict[marker.district];
    for (const auto& marker : markers)
    {
        const DistrictShape* shape = map.find(marker.district);
        if (!shape || !shape->centroidLatitude)
            continue;
        const int index = placed[marker.district]++;
        const int count = perDistrict[marker.district];
        const double radius = count > 1 ? 16.0 : 0.0;
        const double angle = 2 * M_PI * index / std::max(1, count);
        const double x = shape->centroidX + radius * std::cos(angle);
        const double y = shape->centroidY + radius * std::sin(angle);
        svg << "<a href=\"" << xmlEscape(marker.href) << "\" aria-label=\""
            << xmlEscape(marker.label) << "\"><circle class=\"marker status-"
            << xmlEscape(marker.statusCode) << (marker.behind ? " behind" : "") << "\" cx=\""
            << fixed(x) << "\" cy=\"" << fixed(y) << "\" r=\"8\"><title>" << xmlEscape(marker.label)
            << "</title></circle></a>";
    }
    svg << "</svg>";
    return svg.str();
}

} // namespace tracker::net
