#pragma once

#include "persistence/database.h"

#include <string>

namespace tracker::persistence
{

// A value in tracker_meta, written once: the first writer wins and every later call,
// from any instance, reads what it wrote.
std::string metaValueOrInsert(Database& database, const std::string& name,
                              const std::string& valueIfAbsent);

} // namespace tracker::persistence
