#pragma once

#include "net/operations/statutory_operations.h"

#include <Poco/JSON/Object.h>

namespace tracker::net
{

// A form as JSON: its header, every indicator in the official order with its Vietnamese
// wording (the legal one), an English translation, the value in the form's unit and in the
// exact base unit, the note, the clusters behind a summary's number, and what is missing.
Poco::JSON::Object statutoryJson(const StatutoryTarget& target, const StatutoryView& view);

} // namespace tracker::net
