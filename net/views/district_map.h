#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tracker::net
{

struct DistrictShape
{
    std::string nameVi;
    std::string nameEn;
    std::string unitTypeVi; // Quận, Huyện, Thị xã
    std::string svgPath;    // already projected into the map's frame
    std::optional<double> centroidLatitude;
    std::optional<double> centroidLongitude;
    double centroidX = 0; // the centroid in the map's frame
    double centroidY = 0;
};

// Hanoi's 30 districts as SVG paths (projected and simplified once by
// scripts/prepare-map.py) with their centroids, which stand in for clusters that have no
// coordinates of their own. Loaded and checked at start-up; throws std::runtime_error
// naming the file when something is missing.
class DistrictMap
{
public:
    explicit DistrictMap(const std::string& directory);

    const std::vector<DistrictShape>& districts() const { return _districts; }
    const DistrictShape* find(const std::string& nameVi) const;
    double width() const { return _width; }
    double height() const { return _height; }
    // WGS84 → the map's frame, with the projection the paths were made with.
    std::pair<double, double> project(double latitude, double longitude) const;

private:
    std::vector<DistrictShape> _districts;
    double _minLon = 0, _maxLat = 0, _xScale = 1, _scale = 1, _width = 0, _height = 0;
};

} // namespace tracker::net
