#pragma once

#include "tracker/admin_units.h"

#include <string>

namespace tracker::net
{

// etc/admin-units/hanoi-units-2025.csv → the 126 units, each with its URL slug and the
// former districts it was formed from. Throws std::runtime_error naming the file and row
// when it cannot be read as expected.
AdminUnits loadAdminUnits(const std::string& path);

// The units every page, answer and export names clusters by. Reference data that changes
// only by law, so one copy per process: the server loads registry.unitsFile at start-up,
// before it serves; anything else (a command, a test) gets the default file on first use.
void useAdminUnits(const std::string& path);
const AdminUnits& adminUnits();

} // namespace tracker::net
