#pragma once

#include <string>

namespace tracker::net
{

// Vietnamese collation (ICU) so that "Đ" sorts after "D", as readers expect.
bool vietnameseLess(const std::string& a, const std::string& b);

} // namespace tracker::net
