#pragma once

#include <string>

namespace tracker::net
{

// The whole file, for what is read once at start-up (templates, static files, the map);
// std::runtime_error naming the file when it cannot be read.
std::string readFile(const std::string& path);

} // namespace tracker::net
