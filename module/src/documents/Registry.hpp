// Registry: the generated documents known to the register (table
// doc_generated, migration 0006). Every document documents.generate writes is
// registered in the same transaction and journal entry as the generation, so
// it can be synced and audited later (audit.verify covers the rows).
// Rows are facts: inserted once, never changed. Not thread-safe (Register lock).
#pragma once

#include "records/Register.hpp"

#include <string>

namespace igsgov::documents {

struct GeneratedDocument {
  std::string id;              // "gen-<journal seq>-<n>"
  std::string kind;            // lid | verband
  std::string templateName;    // shipped name or the custom file's path
  std::string templateSha256;
  std::string cooperation;
  std::string member;          // member id, "" for a cooperation document
  std::string asOf;
  long long journalPosition = 0;  // journal head the data was read at
  std::string outputPath;      // as recorded (DocumentPaths.hpp): below the register's folder, else absolute
  std::string outputSha256;
  long long size = 0;
  std::string format;          // docx | odt | html | md | pdf
  std::string generatedAt;     // record time of the generation
};

void registerDocument(records::Writer& w, const GeneratedDocument& d);
// "path": `file`, where the document is (absolute); "recorded_path":
// output_path as the register holds it.
JsonObject generatedJson(const GeneratedDocument& d, const std::string& file);

// documents.list: {"cooperation"?, "member"?, "sha256"?, "id"?, "generation"? (the journal seq that
// registered a batch), "limit"?} → {"documents": [...]}, newest first;
// "path" is resolveDocumentPath() of the recorded path; "generated_by" the actor of the
// journal entry that registered it.
JsonObject listDocuments(store::Database& db, const JsonObject& in);

}  // namespace igsgov::documents
