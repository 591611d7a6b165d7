#include "net/views/admin_units_file.h"

#include "net/views/cluster_query.h"
#include "persistence/seed_reader.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace tracker::net
{
namespace
{
// "Xã Hữu Bằng, Huyện Thạch Thất" → "Thạch Thất", the district as the registry names it.
std::string districtOf(const std::string& oldUnit)
{
    const auto comma = oldUnit.rfind(',');
    std::string district = oldUnit.substr(comma == std::string::npos ? 0 : comma + 1);
    district.erase(0, district.find_first_not_of(' '));
    for (const std::string prefix : {"Huyện ", "Quận ", "Thị xã "})
        if (district.rfind(prefix, 0) == 0)
            return district.substr(prefix.size());
    return district;
}

std::vector<std::string> formerDistricts(const std::string& oldUnits)
{
    std::vector<std::string> districts;
    std::size_t at = 0;
    while (at < oldUnits.size())
    {
        const auto end = std::min(oldUnits.find(';', at), oldUnits.size());
        const auto district = districtOf(oldUnits.substr(at, end - at));
        if (!district.empty() &&
            std::find(districts.begin(), districts.end(), district) == districts.end())
            districts.push_back(district);
        at = end + 1;
    }
    return districts;
}
} // namespace

AdminUnits loadAdminUnits(const std::string& path)
{
    const auto rows = persistence::readCsv(path);
    if (rows.empty() || rows[0].size() < 4 || rows[0][0] != "new_code" ||
        rows[0][1] != "new_name" || rows[0][2] != "new_type" || rows[0][3] != "old_units")
        throw std::runtime_error(path + ": expected the columns new_code, new_name, new_type, "
                                        "old_units");
    std::vector<AdminUnit> units;
    for (std::size_t i = 1; i < rows.size(); ++i)
    {
        const auto& row = rows[i];
        AdminUnit unit;
        unit.code = row.size() > 0 ? row[0] : "";
        unit.name = row.size() > 1 ? row[1] : "";
        unit.type = row.size() > 2 ? row[2] : "";
        unit.formedFrom = row.size() > 3 ? row[3] : "";
        const auto code = parsePlacedUnits(unit.code);
        if (!code || code->size() != 1 || !code->front().certain || unit.name.empty() ||
            (unit.type != "xã" && unit.type != "phường"))
            throw std::runtime_error(path + ": row " + std::to_string(i + 1) +
                                     ": a five-digit code, a name and the type xã or phường "
                                     "are required");
        unit.slug = districtSlug(unit.name);
        unit.formerDistricts = formerDistricts(unit.formedFrom);
        units.push_back(std::move(unit));
    }
    return AdminUnits(std::move(units));
}

namespace
{
std::mutex unitsMutex;                         // guards the one load
std::unique_ptr<const AdminUnits> loadedUnits; // owned for the process's life
std::atomic<const AdminUnits*> published{nullptr};

const AdminUnits& publish(std::unique_ptr<const AdminUnits> units)
{
    const std::lock_guard<std::mutex> lock(unitsMutex);
    if (!loadedUnits) // a second server in the same process (tests) keeps the first copy
    {
        loadedUnits = std::move(units);
        published.store(loadedUnits.get(), std::memory_order_release);
    }
    return *loadedUnits;
}
} // namespace

void useAdminUnits(const std::string& path)
{
    if (!published.load(std::memory_order_acquire))
        publish(std::make_unique<const AdminUnits>(loadAdminUnits(path)));
}

// Read for every cluster a page names: once loaded, no lock.
const AdminUnits& adminUnits()
{
    if (const auto* units = published.load(std::memory_order_acquire))
        return *units;
    return publish(std::make_unique<const AdminUnits>(loadAdminUnits(
        std::string(TRACKER_DEFAULT_ETC_DIR) + "/admin-units/hanoi-units-2025.csv")));
}

} // namespace tracker::net
