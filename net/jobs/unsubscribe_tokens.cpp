#include "net/jobs/unsubscribe_tokens.h"

#include "persistence/meta.h"

#include <sodium.h>
#include <stdexcept>
#include <vector>

namespace tracker::net
{
namespace
{
std::string hex(const unsigned char* bytes, std::size_t length)
{
    std::string out(length * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, length);
    out.pop_back();
    return out;
}

std::vector<unsigned char> tokenKey(persistence::Database& database, const JobSettings& jobs)
{
    std::vector<unsigned char> key(crypto_auth_KEYBYTES);
    if (!jobs.unsubscribeSecret.empty())
    {
        crypto_generichash(key.data(), key.size(),
                           reinterpret_cast<const unsigned char*>(jobs.unsubscribeSecret.data()),
                           jobs.unsubscribeSecret.size(), nullptr, 0);
        return key;
    }
    std::vector<unsigned char> fresh(crypto_auth_KEYBYTES);
    randombytes_buf(fresh.data(), fresh.size());
    const std::string stored = persistence::metaValueOrInsert(database, "unsubscribe_key",
                                                              hex(fresh.data(), fresh.size()));
    std::size_t length = 0;
    if (sodium_hex2bin(key.data(), key.size(), stored.data(), stored.size(), nullptr, &length,
                       nullptr) != 0 ||
        length != key.size())
        throw std::runtime_error("the stored unsubscribe key is not a " +
                                 std::to_string(key.size()) + "-byte hex string");
    return key;
}

std::string sign(const std::vector<unsigned char>& key, std::int64_t id)
{
    const std::string message = "unsubscribe:" + std::to_string(id);
    unsigned char mac[crypto_auth_BYTES];
    crypto_auth(mac, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                key.data());
    return std::to_string(id) + "-" + hex(mac, sizeof mac);
}
} // namespace

std::function<std::string(std::int64_t)> unsubscribeSigner(persistence::Database& database,
                                                           const JobSettings& jobs)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium failed to initialise");
    return [key = tokenKey(database, jobs)](std::int64_t id) { return sign(key, id); };
}

std::string unsubscribeToken(persistence::Database& database, const JobSettings& jobs,
                             std::int64_t subscriptionId)
{
    return unsubscribeSigner(database, jobs)(subscriptionId);
}

bool validUnsubscribeToken(persistence::Database& database, const JobSettings& jobs,
                           const std::string& token)
{
    const auto dash = token.find('-');
    if (dash == std::string::npos || dash == 0 || dash > 18)
        return false;
    std::int64_t id = 0;
    try
    {
        id = std::stoll(token.substr(0, dash));
    }
    catch (const std::exception&)
    {
        return false;
    }
    const std::string expected = unsubscribeToken(database, jobs, id);
    return expected.size() == token.size() &&
           sodium_memcmp(expected.data(), token.data(), token.size()) == 0;
}

} // namespace tracker::net
