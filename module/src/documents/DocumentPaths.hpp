// DocumentPaths: how a generated document's file is recorded in the register
// (doc_generated.output_path) and found again, from any working directory.
//
// The register is used from several places: the CLI from whatever folder the
// user is in, igsgovd from its own, a sync run from cron. A recorded path must
// name the same file from all of them, and keep naming it when the register's
// folder is moved or restored from a backup together with its documents:
//
//   - a document inside the register's folder (at any depth, symbolic links
//     resolved for the comparison) is recorded relative to that folder:
//     "documenten/igs-x/engagementsverklaring-....docx" (igsgovd's default
//     documents folder is "documenten" beside the register);
//   - any other document is recorded by its absolute path.
//
// Rows written before this rule (issue 14) hold paths relative to the working
// directory of the command that generated them, and rows are never rewritten
// (they are journaled facts). resolveDocumentPath() therefore reads a relative
// path against the register's folder first and, only when no file is there but
// one is at the path read as it was written (relative to the current working
// directory), takes that one: old registers keep working wherever they worked
// before, and most old rows (generated from the register's own folder) now
// work from everywhere. The SHA-256 recorded with each row tells a wrong file
// apart (sync checks it before it pushes anything).
//
// `registerPath` is the register's database file as opened (store::Database::
// path()); ":memory:" or "" means no folder: paths are then absolute.
// Pure functions over paths (they look at the file system, never change it);
// thread-safe.
#pragma once

#include <string>

namespace igsgov::documents {

// The path to record for `file` (a document just written; relative paths are
// taken from the current working directory).
std::string recordedDocumentPath(const std::string& registerPath, const std::string& file);

// The file a recorded path names now: absolute, lexically normal.
std::string resolveDocumentPath(const std::string& registerPath, const std::string& recorded);

}  // namespace igsgov::documents
