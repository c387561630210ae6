#include "evidence/Pack.hpp"

#include "core/Sha256.hpp"
#include "docs/ZipPackage.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace igsgov::evidence {

namespace {

bool plainName(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos) return false;
  return std::none_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == '\\' || c == 0x7f;
  });
}

// "HEX  NAME\n" lines, sorted by name.
std::map<std::string, std::string> parseManifest(const std::string& text, PackCheck& check) {
  std::map<std::string, std::string> out;
  std::size_t pos = 0;
  int line = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string l = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (l.empty()) continue;
    if (l.size() < 67 || l[64] != ' ' || l[65] != ' ' ||
        l.find_first_not_of("0123456789abcdef") < 64) {
      check.problems.push_back(std::string(kManifestName) + ", regel " + std::to_string(line) +
                               ": geen regel 'SHA-256  bestandsnaam'");
      continue;
    }
    out[l.substr(66)] = l.substr(0, 64);
  }
  return out;
}

}  // namespace

BuiltPack buildPack(std::vector<PackFile> files, const std::optional<PackSigner>& signer, long long time) {
  std::sort(files.begin(), files.end(), [](const PackFile& a, const PackFile& b) { return a.name < b.name; });
  BuiltPack built;
  if (signer) files.push_back({kCertificateName, signer->certPem});
  std::string manifest;
  std::set<std::string> seen;
  for (const auto& f : files) {
    if (!plainName(f.name) || f.name == kManifestName || f.name == kSignatureName || !seen.insert(f.name).second)
      throw Error(ErrorCode::internal, "ongeldige bestandsnaam in het bewijspakket", Place().set("file", f.name));
    manifest += sha256Hex(f.bytes) + "  " + f.name + "\n";
  }
  built.files = static_cast<long long>(files.size());
  built.manifestSha256 = sha256Hex(manifest);
  std::string signature;
  if (signer) {
    signature = signDetached(manifest, signer->keyPem, signer->certPem, signer->keyPlace, signer->certPlace);
    built.fingerprint = certificateFingerprint(signer->certPem, signer->certPlace);
  }
  std::vector<docs::ZipAddition> add;
  auto mtime = static_cast<std::time_t>(time);
  add.push_back({kManifestName, &manifest, mtime});
  if (signer) add.push_back({kSignatureName, &signature, mtime});
  for (const auto& f : files) add.push_back({f.name, &f.bytes, mtime});
  built.zip = docs::newZip(add, 6);
  return built;
}

PackCheck checkPack(const std::string& zip, const std::string& source, const std::optional<std::string>& trustedCertPem) {
  PackCheck check;
  if (!docs::looksLikeZip(zip)) throwInvalid("geen ZIP-bestand", Place().set("file", source));
  docs::ZipLimits limits;
  limits.maxEntrySize = 256u << 20;
  limits.maxTotalSize = 1024u << 20;
  docs::ZipReader reader(zip, limits, source);
  const auto* manifestEntry = reader.find(kManifestName);
  if (!manifestEntry)
    throwInvalid(std::string("geen ") + kManifestName + " in het pakket: dit is geen bewijspakket van igsgov",
                 Place().set("file", source));
  std::string manifest = reader.read(*manifestEntry);
  auto listed = parseManifest(manifest, check);
  check.files = static_cast<long long>(listed.size());
  std::set<std::string> present;
  for (const auto& e : reader.entries()) {
    if (e.name == kManifestName || e.name == kSignatureName || (!e.name.empty() && e.name.back() == '/')) continue;
    present.insert(e.name);
    auto it = listed.find(e.name);
    if (it == listed.end()) {
      check.problems.push_back(e.name + ": staat niet in " + kManifestName);
      check.badFiles.push_back(e.name);
      continue;
    }
    std::string actual;
    try {
      actual = sha256Hex(reader.read(e));
    } catch (const Error& err) {
      check.problems.push_back(e.name + ": onleesbaar in de ZIP (" + err.what() + ")");
      check.badFiles.push_back(e.name);
      continue;
    }
    if (actual != it->second) {
      check.problems.push_back(e.name + ": SHA-256 is " + actual + ", het manifest zegt " + it->second);
      check.badFiles.push_back(e.name);
    }
  }
  for (const auto& [name, hash] : listed)
    if (!present.count(name)) {
      check.problems.push_back(name + ": staat in " + std::string(kManifestName) + " maar ontbreekt in het pakket");
      check.badFiles.push_back(name);
    }
  check.manifestOk = check.problems.empty();
  if (const auto* sig = reader.find(kSignatureName)) {
    check.isSigned = true;
    check.signature = verifyDetached(manifest, reader.read(*sig), trustedCertPem);
    if (!check.signature.ok) check.problems.push_back(std::string(kSignatureName) + ": " + check.signature.problem);
  } else {
    check.problems.push_back(std::string("het pakket is niet ondertekend (geen ") + kSignatureName + ")");
  }
  return check;
}

}  // namespace igsgov::evidence
