// Source: where the files a target receives come from. The sync engine pushes
// exactly what its sources list; it never looks into register tables itself.
//
// Contract
//   items(db) lists every file the register wants on a target right now, each
//   with a logical path (relative, '/'-separated, e.g.
//   "igs-cultuur-va/statuten/2024-01.docx"), the SHA-256 and size of its
//   bytes, the register item and version it belongs to, a kind (the mapping
//   key a target may re-route, e.g. "statuten") with the variables a mapping
//   pattern may use, and metadata for the sidecar file. The bytes themselves
//   are read later, only for the items that must be transferred, by the
//   upload that sends them: from `file` when the item is a local file
//   (streamed, never held whole), else through bytes(db). A source must not
//   read every file just to list them. The upload checks what it reads
//   against sha256 and size; a mismatch stops the run (Error(integrity)).
//   Logical paths must be unique within one source; the engine refuses two
//   items (from any sources) that map to the same path or to names that
//   differ only in case or Unicode form.
//
// Thread safety: items() is called under the Register's lock (Register::read).
// bytes(db) is called by the upload workers, several at once, each with its
// own read connection (Register::read): it must not share mutable state. Ownership: the engine owns its
// sources for one run. Failure: Error with a Dutch message naming the item.
#pragma once

#include "core/Json.hpp"
#include "store/Database.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace igsgov::sync {

struct SourceItem {
  std::string path;      // default logical path (before the target's mapping)
  std::string kind;      // mapping key, e.g. "statuten", "engagementsverklaring"
  std::map<std::string, std::string> vars;  // for mapping patterns: igs, label, ext, year, gemeente, ...
  std::string item;      // register item id (e.g. a governing-document version id)
  std::string version;   // register version of that item (e.g. its status, a generation id)
  std::string sha256;    // of the bytes
  std::uint64_t size = 0;
  JsonObject meta;       // extra fields for the sidecar (title, status, dates...); may be null
  std::string file;      // the content is this local file (absolute path), or:
  std::function<std::string(store::Database&)> bytes;  // reads the content (checked against sha256)
};

class Source {
public:
  virtual ~Source() = default;
  virtual std::string name() const = 0;  // for logs and run reports ("governance", "directory")
  virtual std::vector<SourceItem> items(store::Database& db) = 0;
};

}  // namespace igsgov::sync
