#pragma once

#include "tracker/date.h"

#include <cstdint>
#include <optional>
#include <soci/soci.h>
#include <string>

namespace tracker::persistence
{

// SOCI binds NULL through an indicator beside a value that must outlive the statement.
struct NullableInteger
{
    long long value = 0;
    soci::indicator indicator = soci::i_null;
    explicit NullableInteger(const std::optional<std::int64_t>& source)
    {
        if (source)
        {
            value = *source;
            indicator = soci::i_ok;
        }
    }
};

struct NullableText
{
    std::string value;
    soci::indicator indicator = soci::i_null;
    explicit NullableText(std::string source) : value(std::move(source))
    {
        indicator = value.empty() ? soci::i_null : soci::i_ok;
    }
    explicit NullableText(const std::optional<Date>& source)
        : NullableText(source ? source->iso() : std::string())
    {
    }
};

} // namespace tracker::persistence
