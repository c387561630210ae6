// Pack: the container of the auditor's evidence pack, independent of what is
// in it. buildPack() writes a ZIP holding the caller's files, MANIFEST.sha256
// (one line per file, "HEX  NAME", the format `sha256sum -c` reads) and, when
// a signer is given, MANIFEST.sha256.p7s (detached CMS signature, DER) and
// certificaat.pem (the signer's certificate). checkPack() checks such a ZIP
// again: every file in the manifest present with its hash, no file beside it
// that the manifest does not name, and the signature.
//
// File names are relative, '/'-separated, without "..", spaces or control
// characters (so a manifest line is unambiguous); buildPack refuses others
// with Error(internal): they come from igsgov itself, never from a caller.
// checkPack reads the ZIP with docs::ZipReader's caps and never writes.
// Thread safety: pure functions.
#pragma once

#include "evidence/Cms.hpp"

#include <optional>
#include <string>
#include <vector>

namespace igsgov::evidence {

inline constexpr const char* kManifestName = "MANIFEST.sha256";
inline constexpr const char* kSignatureName = "MANIFEST.sha256.p7s";
inline constexpr const char* kCertificateName = "certificaat.pem";

struct PackFile {
  std::string name;
  std::string bytes;
};

struct PackSigner {
  std::string keyPem;
  std::string certPem;
  Place keyPlace;
  Place certPlace;
};

struct BuiltPack {
  std::string zip;
  std::string manifestSha256;  // of MANIFEST.sha256
  std::string fingerprint;     // of the signer's certificate; empty when unsigned
  long long files = 0;         // files in the manifest
};

// `time` is every entry's modification time (seconds since the epoch).
BuiltPack buildPack(std::vector<PackFile> files, const std::optional<PackSigner>& signer, long long time);

struct PackCheck {
  bool manifestOk = false;
  long long files = 0;                 // lines in the manifest
  std::vector<std::string> problems;   // Dutch, each naming the file
  std::vector<std::string> badFiles;   // names of files that differ, are missing or are extra
  bool isSigned = false;
  SignatureCheck signature;
  bool ok() const { return manifestOk && isSigned && signature.ok; }
};

// Error(invalid) naming `source` when `zip` is not a readable ZIP or has no manifest.
PackCheck checkPack(const std::string& zip, const std::string& source, const std::optional<std::string>& trustedCertPem);

}  // namespace igsgov::evidence
