#include "governance/FileStore.hpp"

#include "core/Base64.hpp"
#include "core/Error.hpp"
#include "core/Sha256.hpp"
#include "docs/ZipPackage.hpp"

#include <Poco/File.h>
#include <Poco/FileStream.h>

#include <sstream>

namespace igsgov::governance {

namespace {
const char* const kDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const char* const kOdt = "application/vnd.oasis.opendocument.text";
const char* const kPdf = "application/pdf";

Place filePlace(const std::string& source) { return Place().set("file", source); }
}  // namespace

const char* mediaTypeOf(FileKind k) {
  switch (k) {
    case FileKind::docx: return kDocx;
    case FileKind::odt: return kOdt;
    default: return kPdf;
  }
}

const char* fileKindName(FileKind k) {
  switch (k) {
    case FileKind::docx: return "DOCX";
    case FileKind::odt: return "ODT";
    default: return "PDF";
  }
}

FileKind fileKindOfMediaType(const std::string& mediaType) {
  if (mediaType == kDocx) return FileKind::docx;
  if (mediaType == kOdt) return FileKind::odt;
  if (mediaType == kPdf) return FileKind::pdf;
  throw Error(ErrorCode::unsupported, "onbekend mediatype '" + mediaType + "'");
}

FileKind detectFileKind(const std::string& bytes, const std::string& source) {
  if (bytes.size() > kMaxFileSize)
    throwInvalid("bestand te groot (" + std::to_string(bytes.size()) + " bytes; maximum " +
                     std::to_string(kMaxFileSize) + ")",
                 filePlace(source));
  if (bytes.rfind("%PDF-", 0) == 0) return FileKind::pdf;
  if (docs::looksLikeZip(bytes)) {
    docs::ZipLimits limits;
    docs::ZipReader zip(bytes, limits, source);  // throws invalid on a corrupt archive or a zip bomb
    if (zip.find("word/document.xml")) return FileKind::docx;
    if (const auto* m = zip.find("mimetype")) {
      if (m->size < 200 && zip.read(*m) == kOdt) return FileKind::odt;
      throwInvalid("een OpenDocument-bestand, maar geen tekstdocument (ODT)", filePlace(source));
    }
    throwInvalid("zip-bestand zonder word/document.xml of ODF-mimetype: geen DOCX of ODT", filePlace(source));
  }
  throwInvalid("geen DOCX-, ODT- of PDF-bestand (herkend aan de inhoud, niet aan de naam)", filePlace(source));
}

StoredFile putFile(records::Writer& w, const std::string& bytes, const std::string& source) {
  FileKind kind = detectFileKind(bytes, source);
  StoredFile f{sha256Hex(bytes), static_cast<long long>(bytes.size()), mediaTypeOf(kind)};
  auto& st = w.db().cached("SELECT 1 FROM gov_blob WHERE sha256 = ?");
  st.bind(1, f.sha256);
  bool known = st.step();
  st.reset();
  if (!known)
    w.journal().insertRow("gov_blob", {{"sha256", f.sha256},
                                       {"size", f.size},
                                       {"media_type", f.mediaType},
                                       {"content", base64Encode(bytes)},
                                       {"jseq", w.journal().seq()}});
  return f;
}

StoredFile fileInfo(store::Database& db, const std::string& sha256) {
  auto& st = db.cached("SELECT size, media_type FROM gov_blob WHERE sha256 = ?");
  st.bind(1, sha256);
  if (!st.step()) throwNotFound("geen bestand met SHA-256 " + sha256 + " in het register");
  StoredFile f{sha256, st.integer(0), st.text(1)};
  st.reset();
  return f;
}

std::string getFile(store::Database& db, const std::string& sha256) {
  auto& st = db.cached("SELECT content FROM gov_blob WHERE sha256 = ?");
  st.bind(1, sha256);
  if (!st.step()) throwNotFound("geen bestand met SHA-256 " + sha256 + " in het register");
  std::string text = st.text(0);
  st.reset();
  std::string bytes = base64Decode(text, Place().set("tabel", "gov_blob").set("sha256", sha256));
  if (sha256Hex(bytes) != sha256)
    throw Error(ErrorCode::integrity, "het bewaarde bestand komt niet overeen met zijn SHA-256 (buiten het register gewijzigd)",
                Place().set("tabel", "gov_blob").set("sha256", sha256));
  return bytes;
}

std::string readLocalFile(const std::string& path) {
  Poco::File f(path);
  if (!f.exists() || !f.isFile()) throwNotFound("bestand niet gevonden", filePlace(path));
  if (f.getSize() > kMaxFileSize)
    throwInvalid("bestand te groot (maximum " + std::to_string(kMaxFileSize) + " bytes)", filePlace(path));
  try {
    Poco::FileInputStream is(path, std::ios::in | std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(is)), std::istreambuf_iterator<char>());
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::io, "bestand kan niet gelezen worden: " + e.displayText(), filePlace(path));
  }
}

}  // namespace igsgov::governance

namespace igsgov::governance {
JsonObject verifyFiles(store::Database& db) {
  long long files = 0, bytes = 0;
  std::vector<std::string> hashes;
  auto st = db.prepare("SELECT sha256 FROM gov_blob ORDER BY row_id");
  while (st.step()) hashes.push_back(st.text(0));
  for (const auto& h : hashes) {
    bytes += static_cast<long long>(getFile(db, h).size());  // throws integrity on a mismatch
    ++files;
  }
  auto out = newObject();
  out->set("files", files);
  out->set("bytes", bytes);
  return out;
}
}  // namespace igsgov::governance
