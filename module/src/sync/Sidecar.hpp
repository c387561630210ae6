// Sidecar: what igsgov says about a file it keeps on a target, in two forms: the small JSON
// file "<file>.igsgov.json" beside it, and (where the adapter keeps them) the file's own
// properties (WebDAV dead properties, adapters/common/Adapter.hpp). Both always describe the
// bytes they sit beside:
//   - a pushed document, or its conflict copy: the register's version (item, version, kind,
//     SHA-256, size, the source's metadata);
//   - the target's own file at a path in conflict or changed on the target (Theirs): ITS
//     SHA-256 and size, the status, the register item the path belongs to, and where the
//     register's version is (the conflict copy); no version, no metadata.
// Sidecar bytes are deterministic (no run time inside): they change only when what they
// describe does. Property sets are complete: every name igsgov uses is in the map, the ones
// that do not apply with an empty value, which removes them (a PUT over a file keeps its
// old properties on Apache and lighttpd, so a leftover 'status' would otherwise stay).
// Thread safety: pure functions.
#pragma once

#include "core/Json.hpp"
#include "sync/Source.hpp"

#include <cstdint>
#include <map>
#include <string>

namespace igsgov::sync {

// What the register says about one pushed document.
struct Description {
  std::string kind;  // the source's kind ("statuten", "file", ...)
  std::string item;
  std::string version;
  std::string sha256;
  std::uint64_t size = 0;
  JsonObject meta;   // the source's metadata for the sidecar; may be null
  std::string igs, label, generatedAt;

  static Description of(const SourceItem& it);
};

// The target's own file at a path whose content is not the register's: in conflict (both
// sides changed) or changed on the target only.
struct Theirs {
  std::string status;       // "conflict" | "remote_changed"
  bool folder = false;      // a folder is in the way (no bytes to describe)
  std::string sha256;       // of its bytes ("" for a folder)
  std::uint64_t size = 0;
  std::string copyPath;     // conflict: where the register's version is; else ""
};

// The sidecar of the register's version stored as `fileName` (its last path segment).
std::string sidecarText(const Description& d, const std::string& fileName);
// The sidecar beside the target's own file `fileName` at a path in conflict or changed there.
std::string sidecarText(const Description& d, const std::string& fileName, const Theirs& t);

// The properties of the register's version (a pushed document or its conflict copy).
std::map<std::string, std::string> propertiesOf(const Description& d);
// The properties of the target's own file (not a folder) at a path in conflict or changed there.
std::map<std::string, std::string> propertiesOf(const Description& d, const Theirs& t);

}  // namespace igsgov::sync
