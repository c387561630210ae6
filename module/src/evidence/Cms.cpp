#include "evidence/Cms.hpp"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstdio>
#include <memory>

namespace igsgov::evidence {

namespace {

template <class T, void (*F)(T*)>
struct Deleter {
  void operator()(T* p) const { F(p); }
};
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cms = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using Store = std::unique_ptr<X509_STORE, Deleter<X509_STORE, X509_STORE_free>>;

Bio memBio(std::string_view bytes) {
  return Bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
}

Cert parseCert(const std::string& pem) {
  auto bio = memBio(pem);
  Cert cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  ERR_clear_error();
  return cert;
}

std::string fingerprintOf(X509* cert) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  X509_digest(cert, EVP_sha256(), md, &n);
  std::string out;
  char buf[4];
  for (unsigned int i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, "%02X", md[i]);
    out += (i ? ":" : "") + std::string(buf);
  }
  return out;
}

std::string subjectOf(X509* cert) {
  Bio bio(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253);
  char* data = nullptr;
  long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(n));
}

}  // namespace

std::string certificateFingerprint(const std::string& certPem, const Place& place) {
  auto cert = parseCert(certPem);
  if (!cert) throwInvalid("geen geldig X.509-certificaat (PEM)", place);
  return fingerprintOf(cert.get());
}

std::string signDetached(std::string_view content, const std::string& keyPem, const std::string& certPem,
                         const Place& keyPlace, const Place& certPlace) {
  auto cert = parseCert(certPem);
  if (!cert) throwInvalid("geen geldig X.509-certificaat (PEM)", certPlace);
  auto keyBio = memBio(keyPem);
  Key key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
  ERR_clear_error();
  if (!key) throwInvalid("geen geldige privésleutel (PEM, zonder wachtwoord)", keyPlace);
  if (X509_check_private_key(cert.get(), key.get()) != 1) {
    ERR_clear_error();
    throwInvalid("de privésleutel hoort niet bij het certificaat", keyPlace);
  }
  auto data = memBio(content);
  Cms cms(CMS_sign(cert.get(), key.get(), nullptr, data.get(), CMS_DETACHED | CMS_BINARY));
  if (!cms) {
    ERR_clear_error();
    throw Error(ErrorCode::internal, "de CMS-handtekening kan niet gemaakt worden", keyPlace);
  }
  Bio out(BIO_new(BIO_s_mem()));
  if (i2d_CMS_bio(out.get(), cms.get()) != 1) {
    ERR_clear_error();
    throw Error(ErrorCode::internal, "de CMS-handtekening kan niet geschreven worden", keyPlace);
  }
  char* bytes = nullptr;
  long n = BIO_get_mem_data(out.get(), &bytes);
  return std::string(bytes, static_cast<std::size_t>(n));
}

SignatureCheck verifyDetached(std::string_view content, std::string_view der,
                              const std::optional<std::string>& trustedCertPem) {
  SignatureCheck result;
  auto sigBio = memBio(der);
  Cms cms(d2i_CMS_bio(sigBio.get(), nullptr));
  if (!cms) {
    ERR_clear_error();
    result.problem = "de handtekening is geen geldige CMS-structuur (DER)";
    return result;
  }
  STACK_OF(X509)* signers = nullptr;
  auto data = memBio(content);
  Store store(X509_STORE_new());
  // The signature itself is checked here; whom to trust is decided below, by fingerprint.
  int ok = CMS_verify(cms.get(), nullptr, store.get(), data.get(), nullptr, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY);
  ERR_clear_error();
  signers = CMS_get0_signers(cms.get());
  if (signers && sk_X509_num(signers) > 0) {
    X509* signer = sk_X509_value(signers, 0);
    result.subject = subjectOf(signer);
    result.fingerprint = fingerprintOf(signer);
  }
  sk_X509_free(signers);
  if (ok != 1) {
    result.problem = "de handtekening klopt niet met MANIFEST.sha256 (het manifest werd gewijzigd of de handtekening hoort er niet bij)";
    return result;
  }
  if (trustedCertPem) {
    auto trusted = parseCert(*trustedCertPem);
    if (!trusted) {
      result.problem = "het opgegeven certificaat is geen geldig X.509-certificaat (PEM)";
      return result;
    }
    if (fingerprintOf(trusted.get()) != result.fingerprint) {
      result.problem = "ondertekend met een ander certificaat (" + result.subject + ", vingerafdruk " +
                       result.fingerprint + ") dan het opgegeven";
      return result;
    }
  }
  result.ok = true;
  return result;
}

}  // namespace igsgov::evidence
