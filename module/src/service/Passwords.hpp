// Passwords of personal accounts: Argon2id through libargon2 (Debian's
// libargon2-dev), stored as the PHC string "$argon2id$v=19$m=..,t=..,p=..$salt$tag".
//
// Parameters (kArgon2*): OWASP Password Storage Cheat Sheet, "Argon2id":
// at least 19 MiB of memory (m = 19456 KiB), 2 iterations, parallelism 1;
// a 16-byte random salt and a 32-byte tag. Verification uses the parameters
// in the stored string, so raising them later leaves old hashes valid.
// One hash costs ~19 MiB and, unloaded, tens of milliseconds; igsgovd runs at
// most limits.max_threads of them at once (docs/dev/security.md).
//
// Policy: 12 to 256 characters, valid text (core/TextRules.hpp without line
// breaks); no composition rules (NIST SP 800-63B). generatePassword() makes
// 20 characters from an alphabet without look-alikes (~115 bits).
//
// Thread safety: free functions without state. Failure: Error(invalid) for a
// password that does not meet the policy (Dutch message, place field
// 'password'); Error(internal) when hashing fails (out of memory).
#pragma once

#include <string>
#include <string_view>

namespace igsgov::service {

constexpr unsigned kArgon2MemoryKiB = 19456;
constexpr unsigned kArgon2Iterations = 2;
constexpr unsigned kArgon2Parallelism = 1;
constexpr std::size_t kPasswordMinChars = 12;
constexpr std::size_t kPasswordMaxChars = 256;

// Throws Error(invalid) unless the password meets the policy.
void checkPasswordPolicy(std::string_view password);
// A fresh salt, the PHC string of the password (checks the policy first).
std::string hashPassword(std::string_view password);
// True when the password matches the PHC string; false for a wrong password
// and for a string that is not an Argon2id hash.
bool verifyPassword(const std::string& phc, std::string_view password);
// Spends the time of one verification against a hash nobody knows the
// password of: a login for an unknown account takes as long as one for a
// known account, so timing does not tell which names exist.
void verifyNothing(std::string_view password);
// A random password for a reset by a beheerder (shown once).
std::string generatePassword();

}  // namespace igsgov::service
