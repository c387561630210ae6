// Signing: the Ed25519 keys that sign journal entries (OpenSSL 3 EVP).
//
// What trusted logs do (Certificate Transparency, Sigstore Rekor, signed git
// tags): the register's writer signs every journal entry with a private key
// that comes from its configuration (a file named by the caller), never from
// the register. The register stores beside each entry only the key id (a
// fingerprint) and the signature; an auditor checks them with the public key
// they hold, never with anything the register says about keys.
//
// The signed message of an entry is entryMessage(seq, at, hash): its hash
// covers the previous entry's hash and every row digest, so one valid
// signature vouches for the whole history up to that entry.
//
// Files are PEM, as OpenSSL writes them (`openssl genpkey -algorithm ed25519`,
// `openssl pkey -pubout`): a PKCS#8 private key, SubjectPublicKeyInfo public
// keys. Key id: hex of the first 16 bytes of SHA-256 over the raw 32-byte
// public key. Signatures: 64 bytes as 128 lowercase hex characters.
//
// Thread safety: SigningKey and PublicKey are immutable after construction and
// may be shared between threads. Failure: Error(invalid) for content that is
// not a usable Ed25519 key, Error(denied) for a private key file others may
// read or write, Error(io)/Error(notFound) when a file cannot be read,
// Error(conflict) when generateKey finds a file in its place; each names the file.
#pragma once

#include "core/Error.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

typedef struct evp_pkey_st EVP_PKEY;
typedef struct evp_md_ctx_st EVP_MD_CTX;

namespace igsgov::journal {

class SigningKey {
public:
  // Reads the private key file. Refuses a file that is not a regular file or
  // that its group may write or others may read or write (mode & 027): a key
  // others can read signs for them too.
  static std::shared_ptr<const SigningKey> load(const std::string& path);

  std::string sign(std::string_view message) const;  // 128 hex characters
  const std::string& keyId() const { return keyId_; }

private:
  SigningKey(std::shared_ptr<EVP_PKEY> key, std::string keyId);
  std::shared_ptr<EVP_PKEY> key_;
  std::string keyId_;
};

class PublicKey {
public:
  // Every PEM public key in `text` (several for rotated keys, one after the
  // other); at least one, each Ed25519. `place` names where the text came from.
  static std::vector<PublicKey> parsePem(std::string_view text, const Place& place);

  // False for a signature that is not 128 hex characters or does not verify.
  bool verify(std::string_view message, std::string_view signatureHex) const;
  const std::string& keyId() const { return keyId_; }

private:
  PublicKey(std::shared_ptr<EVP_PKEY> key, std::string keyId);
  std::shared_ptr<EVP_PKEY> key_;
  // A verification context set up once and copied for each signature: setting
  // one up fetches the algorithm from OpenSSL's provider every time, which was
  // a quarter of the cost of checking a long journal. Only ever read.
  std::shared_ptr<EVP_MD_CTX> prepared_;
  std::string keyId_;
};

struct GeneratedKey {
  std::string privatePath;  // the private key, mode 0600
  std::string publicPath;   // privatePath + ".pub", mode 0644
  std::string keyId;
};

// Makes a new key pair. Both files are created with O_EXCL|O_NOFOLLOW (an
// existing file or symlink at either name is a conflict and nothing is
// written); the private key is written with mode 0600 from the start.
GeneratedKey generateKey(const std::string& privatePath);

// The bytes an entry's signature signs.
std::string entryMessage(long long seq, const std::string& at, const std::string& hash);

}  // namespace igsgov::journal
