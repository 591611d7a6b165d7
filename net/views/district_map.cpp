#include "net/views/district_map.h"

#include "persistence/seed_reader.h"

#include <stdexcept>

namespace tracker::net
{
namespace
{
using Rows = std::vector<std::vector<std::string>>;

Rows read(const std::string& path, std::size_t columns)
{
    Rows rows = persistence::readCsv(path);
    if (rows.size() < 2)
        throw std::runtime_error(path + ": no data rows");
    for (std::size_t i = 0; i < rows.size(); ++i)
    {
        if (rows[i].size() < columns)
            throw std::runtime_error(path + ": row " + std::to_string(i + 1) + " has " +
                                     std::to_string(rows[i].size()) + " fields, expected " +
                                     std::to_string(columns));
    }
    rows.erase(rows.begin()); // header
    return rows;
}

double number(const std::string& text, const std::string& path)
{
    try
    {
        return std::stod(text);
    }
    catch (const std::exception&)
    {
        throw std::runtime_error(path + ": '" + text + "' is not a number");
    }
}
} // namespace

DistrictMap::DistrictMap(const std::string& directory)
{
    const std::string projectionPath = directory + "/projection.csv";
    const auto projection = read(projectionPath, 6).front();
    _minLon = number(projection[0], projectionPath);
    _maxLat = number(projection[1], projectionPath);
    _xScale = number(projection[2], projectionPath);
    _scale = number(projection[3], projectionPath);
    _width = number(projection[4], projectionPath);
    _height = number(projection[5], projectionPath);

    for (const auto& row : read(directory + "/districts.csv", 4))
        _districts.push_back({row[0], row[1], row[2], row[3], {}, {}, 0, 0});

    const std::string centroidsPath = directory + "/hanoi-district-centroids.csv";
    for (const auto& row : read(centroidsPath, 6))
    {
        for (auto& district : _districts)
        {
            if (district.nameVi != row[0])
                continue;
            district.centroidLatitude = number(row[4], centroidsPath);
            district.centroidLongitude = number(row[5], centroidsPath);
            std::tie(district.centroidX, district.centroidY) =
                project(*district.centroidLatitude, *district.centroidLongitude);
        }
    }
}

const DistrictShape* DistrictMap::find(const std::string& nameVi) const
{
    for (const auto& district : _districts)
    {
        if (district.nameVi == nameVi)
            return &district;
    }
    return nullptr;
}

std::pair<double, double> DistrictMap::project(double latitude, double longitude) const
{
    return {(longitude - _minLon) * _xScale * _scale, (_maxLat - latitude) * _scale};
}

} // namespace tracker::net
