#include "journal/Signing.hpp"

#include "core/Hex.hpp"
#include "core/Sha256.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace igsgov::journal {

namespace {

constexpr std::size_t kMaxKeyFileBytes = 64 * 1024;
constexpr std::size_t kSignatureBytes = 64;

using Key = std::shared_ptr<EVP_PKEY>;
Key adopt(EVP_PKEY* k) { return Key(k, EVP_PKEY_free); }

struct Bio {
  BIO* bio;
  explicit Bio(std::string_view bytes) : bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size()))) {
    if (!bio) throw Error(ErrorCode::internal, "OpenSSL: geen geheugenbuffer");
  }
  Bio() : bio(BIO_new(BIO_s_mem())) {
    if (!bio) throw Error(ErrorCode::internal, "OpenSSL: geen geheugenbuffer");
  }
  ~Bio() { BIO_free(bio); }
  std::string text() const {
    char* data = nullptr;
    long n = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(n));
  }
};

struct MdCtx {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  MdCtx() {
    if (!ctx) throw Error(ErrorCode::internal, "OpenSSL: geen context voor een handtekening");
  }
  ~MdCtx() { EVP_MD_CTX_free(ctx); }
};

// Never ask for a passphrase on the terminal: an encrypted key is refused.
int noPassphrase(char*, int, int, void*) { return 0; }

std::string keyIdOf(EVP_PKEY* key) {
  unsigned char raw[32];
  std::size_t len = sizeof raw;
  if (EVP_PKEY_get_raw_public_key(key, raw, &len) != 1 || len != sizeof raw)
    throw Error(ErrorCode::internal, "OpenSSL: publieke sleutel niet leesbaar");
  return sha256Hex(std::string_view(reinterpret_cast<const char*>(raw), len)).substr(0, 32);
}

void requireEd25519(EVP_PKEY* key, const Place& place) {
  if (EVP_PKEY_get_base_id(key) != EVP_PKEY_ED25519)
    throwInvalid("dit is geen Ed25519-sleutel (het journaal wordt met Ed25519 ondertekend)", place);
}

std::string readKeyFile(const std::string& path) {
  Place place = Place().set("file", path);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) throwNotFound("het sleutelbestand bestaat niet", place);
    throw Error(ErrorCode::io, std::string("het sleutelbestand kan niet gelezen worden: ") + std::strerror(errno),
                place);
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) throwInvalid("het sleutelbestand is geen gewoon bestand", place);
  if (st.st_mode & 027) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    throw Error(ErrorCode::denied,
                std::string("de privésleutel is leesbaar of schrijfbaar voor anderen (modus ") + mode +
                    "): maak hem alleen leesbaar voor de eigenaar (chmod 600) of ook voor de groep van de dienst "
                    "(chmod 640)",
                place);
  }
  if (static_cast<std::size_t>(st.st_size) > kMaxKeyFileBytes) throwInvalid("het sleutelbestand is te groot", place);
  std::string text(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t got = 0;
  while (got < text.size()) {
    ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw Error(ErrorCode::io, "het sleutelbestand kan niet gelezen worden", place);
    got += static_cast<std::size_t>(n);
  }
  return text;
}

// Creates path exclusively (no existing file, no symlink followed) and writes bytes.
void writeNewFile(const std::string& path, const std::string& bytes, mode_t mode) {
  Place place = Place().set("file", path);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) {
    if (errno == EEXIST) throwConflict("dit bestand bestaat al; een sleutel wordt nooit overschreven", place);
    throw Error(ErrorCode::io, std::string("het sleutelbestand kan niet gemaakt worden: ") + std::strerror(errno),
                place);
  }
  std::size_t done = 0;
  bool ok = true;
  while (ok && done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok) {
    ::unlink(path.c_str());
    throw Error(ErrorCode::io, "het sleutelbestand kan niet geschreven worden", place);
  }
}

}  // namespace

SigningKey::SigningKey(std::shared_ptr<EVP_PKEY> key, std::string keyId)
    : key_(std::move(key)), keyId_(std::move(keyId)) {}

std::shared_ptr<const SigningKey> SigningKey::load(const std::string& path) {
  std::string text = readKeyFile(path);
  Place place = Place().set("file", path);
  Bio bio(text);
  EVP_PKEY* raw = PEM_read_bio_PrivateKey(bio.bio, nullptr, noPassphrase, nullptr);
  ERR_clear_error();
  if (!raw)
    throwInvalid("geen bruikbare privésleutel (PEM, PKCS#8, zonder wachtwoord; maak er een met 'igsgov audit keygen')",
                 place);
  Key key = adopt(raw);
  requireEd25519(key.get(), place);
  return std::shared_ptr<const SigningKey>(new SigningKey(key, keyIdOf(key.get())));
}

std::string SigningKey::sign(std::string_view message) const {
  MdCtx md;
  unsigned char sig[kSignatureBytes];
  std::size_t len = sizeof sig;
  if (EVP_DigestSignInit(md.ctx, nullptr, nullptr, nullptr, key_.get()) != 1 ||
      EVP_DigestSign(md.ctx, sig, &len, reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1 ||
      len != sizeof sig) {
    ERR_clear_error();
    throw Error(ErrorCode::internal, "de journaalregel kon niet ondertekend worden (OpenSSL)");
  }
  return hexEncode(std::string_view(reinterpret_cast<const char*>(sig), len));
}

PublicKey::PublicKey(std::shared_ptr<EVP_PKEY> key, std::string keyId)
    : key_(std::move(key)), prepared_(EVP_MD_CTX_new(), EVP_MD_CTX_free), keyId_(std::move(keyId)) {
  if (!prepared_ || EVP_DigestVerifyInit(prepared_.get(), nullptr, nullptr, nullptr, key_.get()) != 1) {
    ERR_clear_error();
    throw Error(ErrorCode::internal, "OpenSSL: geen context om handtekeningen na te gaan");
  }
}

std::vector<PublicKey> PublicKey::parsePem(std::string_view text, const Place& place) {
  if (text.find("PRIVATE KEY-----") != std::string_view::npos)
    throwInvalid("dit is een privésleutel; geef de publieke sleutel (het .pub-bestand)", place);
  std::vector<PublicKey> keys;
  Bio bio(text);
  while (EVP_PKEY* raw = PEM_read_bio_PUBKEY(bio.bio, nullptr, noPassphrase, nullptr)) {
    Key key = adopt(raw);
    requireEd25519(key.get(), place);
    keys.push_back(PublicKey(key, keyIdOf(key.get())));
  }
  ERR_clear_error();
  if (keys.empty()) throwInvalid("geen publieke sleutel gevonden (PEM, '-----BEGIN PUBLIC KEY-----')", place);
  return keys;
}

bool PublicKey::verify(std::string_view message, std::string_view signatureHex) const {
  auto sig = hexDecode(signatureHex);
  if (!sig || sig->size() != kSignatureBytes) return false;
  MdCtx md;
  bool ok = EVP_MD_CTX_copy_ex(md.ctx, prepared_.get()) == 1 &&
            EVP_DigestVerify(md.ctx, reinterpret_cast<const unsigned char*>(sig->data()), sig->size(),
                             reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
  ERR_clear_error();
  return ok;
}

GeneratedKey generateKey(const std::string& privatePath) {
  if (privatePath.empty())
    throwInvalid("geen bestand opgegeven voor de nieuwe sleutel", Place().set("field", "'file'"));
  EVP_PKEY* raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  if (!raw) {
    ERR_clear_error();
    throw Error(ErrorCode::internal, "OpenSSL kon geen Ed25519-sleutel maken");
  }
  Key key = adopt(raw);
  Bio priv, pub;
  if (PEM_write_bio_PrivateKey(priv.bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
      PEM_write_bio_PUBKEY(pub.bio, key.get()) != 1) {
    ERR_clear_error();
    throw Error(ErrorCode::internal, "OpenSSL kon de sleutel niet als PEM schrijven");
  }
  GeneratedKey out{privatePath, privatePath + ".pub", keyIdOf(key.get())};
  writeNewFile(out.privatePath, priv.text(), 0600);
  try {
    writeNewFile(out.publicPath, pub.text(), 0644);
  } catch (...) {
    ::unlink(out.privatePath.c_str());  // ours: created exclusively above
    throw;
  }
  return out;
}

std::string entryMessage(long long seq, const std::string& at, const std::string& hash) {
  return "igsgov journal entry v1\nseq " + std::to_string(seq) + "\nat " + at + "\nhash " + hash + "\n";
}

}  // namespace igsgov::journal
