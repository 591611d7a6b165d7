#pragma once

#include <stdexcept>
#include <string>

namespace tracker::net
{

// argon2id through libsodium, at its "interactive" cost (about 64 MiB and a tenth of a second
// per check here): slow enough to make a stolen hash expensive to guess.
// Every argon2id hash and check holds one of a few slots (two): past that, callers wait at
// most 5 s and then get this, answered 503 with Retry-After.
class PasswordCheckBusy : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

std::string hashPassword(const std::string& password);
bool verifyPassword(const std::string& storedHash, const std::string& password);
// What a password must be before it is accepted: said in both languages by the caller.
bool acceptablePassword(const std::string& password);

// 32 random bytes as hex: session ids, CSRF tokens and API tokens.
std::string newSecret();
// What the database keeps of a secret: its BLAKE2b digest, as hex.
std::string digestOf(const std::string& secret);
// Compares in constant time, so that a CSRF token cannot be guessed byte by byte.
bool sameSecret(const std::string& a, const std::string& b);

} // namespace tracker::net
