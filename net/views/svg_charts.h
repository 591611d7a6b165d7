#pragma once

#include "net/views/district_map.h"
#include "net/views/districts.h"
#include "net/views/locale.h"
#include "tracker/progress_curves.h"

#include <string>
#include <vector>

namespace tracker::net
{

// Charts drawn on the server as inline SVG: no script, readable without CSS, every text
// escaped. Colours come from classes in site.css so that the CSP needs no inline style.

std::string xmlEscape(const std::string& text);

struct ScheduleRow
{
    std::string label;
    Date plannedStart;
    Date plannedFinish;
    int percentDone = 0;
    bool overdue = false;
};

// Gantt chart: each item's planned window, the share done drawn inside it, and today.
std::string scheduleChart(const std::vector<ScheduleRow>& rows, const Date& today,
                          const std::string& title, const Formatter& format);

// Planned (dashed) against actual (solid) cumulative curves over the same dates, with the
// original plan (dotted) when the cluster was re-baselined.
struct CurveChart
{
    std::string title;
    std::string plannedLabel;
    std::string actualLabel;
    std::vector<CurvePoint> planned;
    std::vector<CurvePoint> actual;
    double maximum = 100; // top of the value axis
    bool money = false;   // value axis in tỷ đồng / VND bn instead of percent
    // After a re-baselining: the original plan (dotted), kept beside the current one.
    std::vector<CurvePoint> original{};
    std::string originalLabel{};
};
std::string sCurveChart(const CurveChart& chart, const Date& today, const Formatter& format);

// Hanoi's districts, shaded where they have clusters, with one marker per cluster at its
// district's centroid (spread in a small circle when a district has several), coloured by
// status and linked to the cluster's page. `highlight` is a district slug or empty.
struct MapMarker
{
    std::string href;
    std::string label;
    std::string statusCode;
    std::string district;
    bool behind = false;
};
std::string districtMapSvg(const DistrictMap& map, const std::vector<DistrictGroup>& districts,
                           const std::vector<MapMarker>& markers, const std::string& highlight,
                           const std::string& title);

} // namespace tracker::net
