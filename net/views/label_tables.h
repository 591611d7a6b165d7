#pragma once

#include <map>
#include <string>
#include <utility>

namespace tracker::net
{

using LabelTable = std::map<std::string, std::pair<std::string, std::string>>; // key → (vi, en)

// The back office's fixed texts, kept apart from the public pages' (labels.cpp).
const LabelTable& officeTexts();

} // namespace tracker::net
