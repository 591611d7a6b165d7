#pragma once

#include "net/views/locale.h"
#include "tracker/enums.h"

#include <kainjow/mustache.hpp>
#include <string>

namespace tracker::net
{

// Every fixed text of the pages, in both languages, as the mustache object `t`.
kainjow::mustache::data pageLabels(Language language);
std::string label(Language language, const std::string& key);

// A domain code's label in the reader's language (status, work kind, tenant status).
template <typename Enum> std::string enumLabel(Enum value, Language language)
{
    return std::string(language == Language::Vi ? labelVi(value) : labelEn(value));
}

} // namespace tracker::net
