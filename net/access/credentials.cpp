#include "net/access/credentials.h"

#include <chrono>
#include <semaphore>
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

// argon2id takes 64 MiB a check: at most this many at once, whatever the number of
// threads, so that 40 concurrent sign-ins cost 128 MiB rather than 2.5 GB. The others wait
// a few seconds, then get PasswordCheckBusy (503).
constexpr std::ptrdiff_t kConcurrentChecks = 2;
constexpr auto kLongestWait = std::chrono::seconds(5);

std::counting_semaphore<kConcurrentChecks>& checks()
{
    static std::counting_semaphore<kConcurrentChecks> semaphore(kConcurrentChecks);
    return semaphore;
}

// Holds one of the check slots for the lifetime of a hash or a verification.
class CheckSlot
{
public:
    CheckSlot()
    {
        if (!checks().try_acquire_for(kLongestWait))
            throw PasswordCheckBusy("too many password checks at once");
    }
    ~CheckSlot() { checks().release(); }
    CheckSlot(const CheckSlot&) = delete;
    CheckSlot& operator=(const CheckSlot&) = delete;
};
} // namespace

std::string hashPassword(const std::string& password)
{
    ensureSodium();
    const CheckSlot slot;
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
    const CheckSlot slot;
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
