#include "tracker/api_token.h"

#include "tracker/field_checks.h"

namespace tracker
{

std::variant<TokenRequest, FieldErrors> validateTokenRequest(const std::string& name,
                                                             const std::string& days, long long now,
                                                             std::optional<long long> latestExpiry)
{
    FieldChecks checks;
    TokenRequest request;
    request.name = checks.text("name", name, 100, true);
    if (const auto number = checks.whole("days", days, false, kMaxTokenDays))
        request.days = *number;
    if (request.days < 1)
        checks.add("days", "Số ngày hiệu lực từ 1 đến 3650.", "Days valid: from 1 to 3650.");
    if (checks.ok() && latestExpiry && now + request.days * 86400 > *latestExpiry)
        checks.add("days",
                   "Mã mới không được dùng lâu hơn mã đang dùng để tạo nó (còn " +
                       std::to_string((*latestExpiry - now) / 86400) + " ngày).",
                   "A new token may not outlive the token making it (" +
                       std::to_string((*latestExpiry - now) / 86400) + " days left).");
    if (!checks.ok())
        return std::move(checks.errors());
    return request;
}

} // namespace tracker
