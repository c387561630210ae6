// Inbox: what the engine does with files found in a target's watched inbox
// folder (pull). Layout under the inbox folder: <igs>/<kind>/<file>, e.g.
// "inbox/igs-cultuur-va/statuten/ontwerp-2026.docx": a new draft version of
// that cooperation's document of that kind.
//
// The engine lists the inbox, skips files whose stored pull state has the
// same content hash, downloads the others and calls import() for each inside
// ONE register write together with the file's new pull state, so a file is
// either imported and remembered, or neither (a crash in between imports it
// once on the next run). import() must be hash-identified: the same bytes
// imported twice (same or another name) give the same register item, no new
// version.
// Thread safety: called under the Register's write lock, one file at a time.
// Failure: Error(invalid/notFound) for a file that cannot be imported (wrong
// folder, unknown cooperation, not a DOCX/ODT/PDF): the engine reports it
// and goes on with the next file; nothing is written for that file.
#pragma once

#include "records/Register.hpp"

#include <string>

namespace igsgov::sync {

struct InboxFile {
  std::string path;   // relative to the inbox folder: "<igs>/<kind>/<file>"
  std::string igs;    // first segment
  std::string kind;   // second segment
  std::string name;   // file name
  std::string sha256;
  const std::string* bytes = nullptr;
};

struct Imported {
  std::string item;     // the register item (e.g. the version id)
  std::string version;  // its status or version label
  bool created = false; // false: the same content was there already
};

class InboxSink {
public:
  virtual ~InboxSink() = default;
  virtual Imported import(records::Writer& w, const InboxFile& file) = 0;
};

}  // namespace igsgov::sync
