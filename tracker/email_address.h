#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tracker
{

// An email address the tracker can store, compare and send to: printable ASCII with one
// '@' between a local part and a domain, at most 254 characters, nothing a mail header or
// an SMTP command could be split on (space, control characters, <>,;"()[]\). Lowercased,
// as sign-in compares them, so that Mixed@X.org and mixed@x.org are one account.
std::optional<std::string> normalisedEmail(std::string_view text);

// A person's name as it may stand in a page, a form or an email's To: header: valid UTF-8,
// no control character (CR, LF and TAB included: a header would split on them), at most
// 200 characters.
bool acceptableDisplayName(std::string_view text);

} // namespace tracker
