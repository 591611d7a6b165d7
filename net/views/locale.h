#pragma once

#include "tracker/model.h"

#include <optional>
#include <string>

namespace tracker::net
{

enum class Language
{
    Vi,
    En
};

std::string_view code(Language language);
std::optional<Language> languageFromCode(std::string_view code);

// Numbers, money, areas and dates as a reader of each language expects them:
// vi-VN "1.234,5 ha", "16.000 tỷ đồng", "05/06/2024"; en "1,234.5 ha", "VND 16,000 bn".
class Formatter
{
public:
    explicit Formatter(Language language) : _language(language) {}
    Language language() const { return _language; }

    std::string number(double value, int decimals) const;
    std::string hectares(const std::optional<SquareMetres>& area) const;
    std::string billionsVnd(const std::optional<Vnd>& amount) const;
    std::string percent(const std::optional<double>& value) const;
    std::string date(const std::optional<Date>& value) const;
    std::string noData() const; // "chưa có số liệu" / "no data"
    // A whole number as typed ("2971000000") grouped for this reader ("2.971.000.000",
    // "2,971,000,000"), for a form's field; anything else is given back as it was typed.
    std::string groupedWhole(const std::string& typed) const;

private:
    Language _language;
};

} // namespace tracker::net
