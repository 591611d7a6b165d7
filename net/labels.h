#pragma once

#include "net/locale.h"

#include <kainjow/mustache.hpp>
#include <string>

namespace tracker::net
{

// Every fixed text of the pages, in both languages, as the mustache object `t`.
kainjow::mustache::data pageLabels(Language language);
std::string label(Language language, const std::string& key);

} // namespace tracker::net
