// service/Passwords: Argon2id with OWASP's parameters in the PHC string
// format, the password policy, and generated passwords.
#include "core/Error.hpp"
#include "service/Passwords.hpp"

#include <gtest/gtest.h>

using namespace igsgov;
using namespace igsgov::service;

TEST(Passwords, HashIsArgon2idPhcWithOwaspParameters) {
  std::string phc = hashPassword("correct horse battery");
  EXPECT_EQ(phc.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << phc;
  EXPECT_TRUE(verifyPassword(phc, "correct horse battery"));
  EXPECT_FALSE(verifyPassword(phc, "correct horse batterY"));
  EXPECT_FALSE(verifyPassword(phc, ""));
}

TEST(Passwords, FreshSaltPerHash) {
  EXPECT_NE(hashPassword("correct horse battery"), hashPassword("correct horse battery"));
}

TEST(Passwords, OnlyArgon2idIsAccepted) {
  std::string phc = hashPassword("correct horse battery");
  std::string argon2i = "$argon2i$" + phc.substr(std::string("$argon2id$").size());
  EXPECT_FALSE(verifyPassword(argon2i, "correct horse battery"));
  EXPECT_FALSE(verifyPassword("", "correct horse battery"));
  EXPECT_FALSE(verifyPassword("$argon2id$nonsense", "correct horse battery"));
}

TEST(Passwords, PolicyLengthCountsCharactersNotBytes) {
  EXPECT_THROW(checkPasswordPolicy("elf tekens!"), Error);          // 11
  EXPECT_NO_THROW(checkPasswordPolicy("twaalf teken"));             // 12
  EXPECT_NO_THROW(checkPasswordPolicy("ééééééééééé€"));              // 12 characters, more bytes
  EXPECT_THROW(checkPasswordPolicy(std::string(257, 'a')), Error);
  EXPECT_THROW(checkPasswordPolicy(std::string("twaalf\0teken", 12)), Error);  // NUL
  try {
    checkPasswordPolicy("kort");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorCode(), ErrorCode::invalid);
    EXPECT_NE(std::string(e.message()).find("te kort"), std::string::npos);
    EXPECT_NE(e.place().describe().find("password"), std::string::npos);
  }
}

TEST(Passwords, GeneratedPasswordsMeetThePolicyAndDiffer) {
  std::string a = generatePassword(), b = generatePassword();
  EXPECT_EQ(a.size(), 20u);
  EXPECT_NE(a, b);
  EXPECT_NO_THROW(checkPasswordPolicy(a));
  for (char c : a) EXPECT_EQ(std::string("0O1lI").find(c), std::string::npos) << a;
}

TEST(Passwords, VerifyNothingTakesAVerification) {
  // The built-in hash must be a well-formed Argon2id string with the current
  // parameters, or an unknown name would answer faster than a known one.
  EXPECT_NO_THROW(verifyNothing("anything at all"));
}
