#include "net/access/credentials.h"

#include <sodium.h>
#include <stdexcept>
#include <vector>

namespace tracker::net
{
namespace
{
void ensureSodium()
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium cannot start");
}

std::string hex(const unsigned char* bytes, std::size_t size)
{
    std::vector<char> out(size * 2 + 1);
    sodium_bin2hex(out.data(), out.size(), bytes, size);
    return std::string(out.data(), size * 2);
}
} // namespace

std::string hashPassword(const std::string& password)
{
    ensureSodium();
    char stored[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(
            stored, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return stored;
}

bool verifyPassword(const std::string& storedHash, const std::string& password)
{
    ensureSodium();
    if (storedHash.empty())
        return false;
    return crypto_pwhash_str_verify(storedHash.c_str(), password.data(), password.size()) == 0;
}

bool acceptablePassword(const std::string& password)
{
    return password.size() >= 12 && password.size() <= 1024;
}

std::string newSecret()
{
    ensureSodium();
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return hex(bytes, sizeof bytes);
}

std::string digestOf(const std::string& secret)
{
    ensureSodium();
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(secret.data()),
                       secret.size(), nullptr, 0);
    return hex(digest, sizeof digest);
}

bool sameSecret(const std::string& a, const std::string& b)
{
    return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace tracker::net
