#include "net/operations/token_operations.h"

#include "net/access/credentials.h"
#include "tracker/api_token.h"

namespace tracker::net
{

const char* tokenState(const persistence::TokenRecord& token, long long now)
{
    if (!token.revokedAt.empty())
        return "revoked";
    return token.expiresAt && *token.expiresAt <= now ? "expired" : "active";
}

EditResult<IssuedToken> issueToken(const Editor& editor, const std::string& name,
                                   const std::string& days,
                                   std::optional<long long> callerTokenExpiry)
{
    EditResult<IssuedToken> result;
    const long long now = editor.clock.unixSeconds();
    auto checked = validateTokenRequest(name, days, now, callerTokenExpiry);
    if (auto* errors = std::get_if<FieldErrors>(&checked))
    {
        result.status = EditStatus::Invalid;
        result.errors = std::move(*errors);
        return result;
    }
    const auto& request = std::get<TokenRequest>(checked);
    persistence::TokenRepository tokens(editor.database);
    result.record.secret = newSecret();
    const auto id = tokens.create(editor.account.id, digestOf(result.record.secret), request.name,
                                  now + request.days * 86400, editor.audit());
    result.record.record = *tokens.find(editor.account.id, id);
    return result;
}

EditResult<persistence::TokenRecord> revokeToken(const Editor& editor, std::int64_t tokenId)
{
    EditResult<persistence::TokenRecord> result;
    persistence::TokenRepository tokens(editor.database);
    const auto token = tokens.find(editor.account.id, tokenId);
    if (!token)
    {
        result.status = EditStatus::NotFound;
        return result;
    }
    if (!tokens.revoke(editor.account.id, tokenId, editor.audit()))
    {
        result.status = EditStatus::Invalid;
        result.errors = {
            {"token", "Mã này đã bị thu hồi trước đó.", "This token was revoked already."}};
        return result;
    }
    result.record = *tokens.find(editor.account.id, tokenId);
    return result;
}

} // namespace tracker::net
