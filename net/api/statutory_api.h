#pragma once

#include "net/operations/statutory_operations.h"

#include <Poco/JSON/Object.h>

namespace tracker::net
{

// A form as JSON: its header, every indicator in the official order with its Vietnamese
// wording (the legal one), an English translation, the value in the form's unit and in the
// exact base unit, the note, the clusters behind a summary's number, and what is missing.
Poco::JSON::Object statutoryJson(const StatutoryTarget& target, const StatutoryView& view);

// Whether anyone may read the form: Biểu 03 and 04 once accepted. Biểu 01 and 02 carry
// firms' revenue and taxes, so only those who file, review or aggregate them read them.
bool isPublicStatutory(const StatutoryView& view);

} // namespace tracker::net
