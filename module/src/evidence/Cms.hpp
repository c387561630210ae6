// Cms: detached CMS (PKCS #7) signatures over a file, as `openssl cms -sign
// -binary -outform DER` makes and `openssl cms -verify -binary -inform DER
// -content FILE` checks them (OpenSSL's CMS API).
//
// The signer's key and X.509 certificate are PEM texts the caller read from
// its configuration (any key type OpenSSL signs with: RSA, EC, Ed25519). The
// signature includes the signer's certificate, so a verifier needs only the
// trust anchor: for a self-signed certificate that is the certificate itself,
// compared by its SHA-256 fingerprint with one obtained outside the pack.
//
// Thread safety: pure functions. Failure: signDetached throws Error(invalid)
// naming `place` for a key or certificate that does not parse or does not
// match; verifyDetached never throws for bad input, it reports.
#pragma once

#include "core/Error.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace igsgov::evidence {

// DER bytes of a detached SignedData over `content` (binary, no MIME canonicalisation).
std::string signDetached(std::string_view content, const std::string& keyPem, const std::string& certPem,
                         const Place& keyPlace, const Place& certPlace);

struct SignatureCheck {
  bool ok = false;
  std::string problem;      // Dutch, when !ok
  std::string subject;      // the signer certificate's subject (RFC 2253)
  std::string fingerprint;  // SHA-256 of the signer certificate's DER, hex with colons (as openssl x509 -fingerprint)
};

// Checks that `der` is a valid signature over `content` by the certificate it
// carries. With `trustedCertPem`, that certificate must also be this one (its
// fingerprint); without, the chain is not checked (the caller shows the fingerprint).
SignatureCheck verifyDetached(std::string_view content, std::string_view der,
                              const std::optional<std::string>& trustedCertPem);

// SHA-256 fingerprint of a PEM certificate ("AB:CD:..."); Error(invalid) naming `place`.
std::string certificateFingerprint(const std::string& certPem, const Place& place);

}  // namespace igsgov::evidence
