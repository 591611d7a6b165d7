#pragma once

#include "tracker/admin_units.h"

#include <string>

namespace tracker::net
{

// etc/admin-units/hanoi-units-2025.csv → the 126 units, each with its URL slug and the
// former districts it was formed from. Throws std::runtime_error naming the file and row
// when it cannot be read as expected.
AdminUnits loadAdminUnits(const std::string& path);

} // namespace tracker::net
