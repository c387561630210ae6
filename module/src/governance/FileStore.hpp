// FileStore: the content-addressed store of governing-document files (DOCX,
// ODT, PDF), kept INSIDE the register in table gov_blob.
//
// Why inside and not beside the register: a file and the version that names it
// are written in one SQLite transaction with one journal entry, so there is
// never a version without its file or a half-written file; a backup or copy of
// the register is one file; and the journal's row digest covers the bytes, so
// audit.verify detects a file edited outside the library like any other row.
// The bytes are stored base64-encoded (the store binds text, not blobs).
//
// Files are keyed by the SHA-256 of their bytes: storing the same bytes twice
// stores them once. The media type is detected from the content, never from a
// file name: a zip with word/document.xml is DOCX, a zip whose `mimetype` entry
// says application/vnd.oasis.opendocument.text is ODT, "%PDF-" is PDF; anything
// else is refused. Size cap: kMaxFileSize.
//
// Failures: Error(invalid) for an unsupported or oversized file (naming the
// file), Error(notFound) for an unknown hash, Error(integrity) when stored
// bytes do not hash to their key. Not thread-safe (used under the Register lock).
#pragma once

#include "records/Register.hpp"

#include <string>

namespace igsgov::governance {

constexpr std::size_t kMaxFileSize = 64u << 20;  // 64 MiB

enum class FileKind { docx, odt, pdf };

struct StoredFile {
  std::string sha256;
  long long size = 0;
  std::string mediaType;  // IANA media type
};

const char* mediaTypeOf(FileKind k);
const char* fileKindName(FileKind k);  // "DOCX", "ODT", "PDF"
// From the media type stored with a file.
FileKind fileKindOfMediaType(const std::string& mediaType);

// Detects DOCX/ODT/PDF from the bytes; `source` names the file in errors.
FileKind detectFileKind(const std::string& bytes, const std::string& source);

// Stores the bytes (once per distinct content) through the writer's journal.
StoredFile putFile(records::Writer& w, const std::string& bytes, const std::string& source);
// Reads and checks the bytes of a stored file.
std::string getFile(store::Database& db, const std::string& sha256);
StoredFile fileInfo(store::Database& db, const std::string& sha256);

// Reads a file from disk with the size cap (Error(notFound)/io/invalid naming it).
std::string readLocalFile(const std::string& path);

}  // namespace igsgov::governance

namespace igsgov::governance {
// Re-hashes every stored file; {"files": n, "bytes": n} or Error(integrity)
// naming the first file whose bytes do not match their SHA-256.
JsonObject verifyFiles(store::Database& db);
}  // namespace igsgov::governance
