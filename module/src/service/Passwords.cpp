#include "service/Passwords.hpp"

#include "core/Error.hpp"
#include "core/Random.hpp"
#include "core/TextRules.hpp"

#include <argon2.h>

#include <vector>

namespace igsgov::service {

namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kTagBytes = 32;

// An Argon2id hash with the current parameters of a random password that was
// thrown away (verifyNothing).
constexpr const char* kNobody =
    "$argon2id$v=19$m=19456,t=2,p=1$nE+5ZihjXFtdmsgTf7oiKQ$FV1Ljb6Tv+d1r5wHsowWj2sUn6gyV2AH1OarqBATFkw";

std::size_t characters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Place passwordPlace() { return Place().set("field", "'password'"); }

}  // namespace

void checkPasswordPolicy(std::string_view password) {
  checkText(password, "password", Place());
  std::size_t n = characters(password);
  if (n < kPasswordMinChars)
    throwInvalid("het wachtwoord is te kort (minstens " + std::to_string(kPasswordMinChars) + " tekens)",
                 passwordPlace());
  if (n > kPasswordMaxChars)
    throwInvalid("het wachtwoord is te lang (hoogstens " + std::to_string(kPasswordMaxChars) + " tekens)",
                 passwordPlace());
}

std::string hashPassword(std::string_view password) {
  checkPasswordPolicy(password);
  std::string salt = randomBytes(kSaltBytes);
  std::size_t length = argon2_encodedlen(kArgon2Iterations, kArgon2MemoryKiB, kArgon2Parallelism, kSaltBytes,
                                         kTagBytes, Argon2_id);
  std::vector<char> encoded(length + 1, '\0');
  int rc = argon2id_hash_encoded(kArgon2Iterations, kArgon2MemoryKiB, kArgon2Parallelism, password.data(),
                                 password.size(), salt.data(), salt.size(), kTagBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK)
    throw Error(ErrorCode::internal, std::string("wachtwoord kon niet versleuteld worden: ") + argon2_error_message(rc));
  return std::string(encoded.data());
}

bool verifyPassword(const std::string& phc, std::string_view password) {
  if (phc.rfind("$argon2id$", 0) != 0) return false;
  return argon2id_verify(phc.c_str(), password.data(), password.size()) == ARGON2_OK;
}

void verifyNothing(std::string_view password) {
  // A mismatch is the only right answer; anything else means kNobody is not a
  // well-formed hash and the verification took no time.
  int rc = argon2id_verify(kNobody, password.data(), password.size());
  if (rc != ARGON2_VERIFY_MISMATCH)
    throw Error(ErrorCode::internal, std::string("de vergelijkingshash is ongeldig: ") + argon2_error_message(rc));
}

std::string generatePassword() {
  // No 0/O, 1/l/I: a password read aloud or copied from a screen stays right.
  static constexpr std::string_view alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string bytes = randomBytes(64);
  std::string out;
  for (unsigned char b : bytes) {
    // Rejection sampling: only bytes below the largest multiple of the alphabet's size.
    if (b >= 256 - 256 % alphabet.size()) continue;
    out += alphabet[b % alphabet.size()];
    if (out.size() == 20) return out;
  }
  return generatePassword();  // 64 bytes gave fewer than 20 usable ones: draw again
}

}  // namespace igsgov::service
