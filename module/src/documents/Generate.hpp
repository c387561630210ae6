// Generate: the body of the documents.generate operation.
//
// Input: {"template": shipped name | path, or "template_base64": a DOCX/ODT
// template itself (with "template_name" to label it, Templates.hpp
// uploadedTemplate), "cooperation": id, "member": NIS or member id,
// "all_members": bool, "as_of": date (default today), "format":
// docx|odt|html|md|pdf, "out": folder, or "documents_dir": a service's
// documents folder, "kind": lid|verband (custom templates), "body": board id
// (default the raad van bestuur), "contributions": {...}}.
//
// "out" writes the documents into that folder (the CLI). "documents_dir" is
// how a service (igsgovd: REST and intranet) keeps them: a new folder below it
// per generation (OutputFiles.hpp GenerationFolder, so no caller chooses a
// name and no generation overwrites another), and the output also carries the
// file itself for the caller: "file_base64", "file_name" and "media_type" of
// the one document, or of one ZIP of the batch when all_members was asked
// (entries named as the files, FileNames.hpp batchFileName for the ZIP).
// An uploaded template is journaled by its SHA-256, not its bytes.
//
// Order of work, so that a bad call changes nothing and the register stays
// open for others while LibreOffice works:
//   1. on one read transaction (Register::read, no write lock): read the
//      input, find and compile the template (every template error at once),
//      build the data of every document, note the journal head it was read at;
//   2. without any register lock: render every document in memory, convert
//      them all to PDF in one LibreOffice batch (docs/Pdf.hpp: one process per
//      core, a stuck conversion timed out; any document without a complete
//      PDF fails the whole call, naming the documents by their file names),
//      and stage all files as temporaries in the output folder;
//   3. one short write (Register::write: one transaction, one journal entry):
//      register every document (doc_generated) and rename the staged files
//      into place as its last step.
// Any error before the renames leaves no file and no registry row; the
// register transaction rolls back on any throw. Reads and other writes run
// while steps 1–2 take their time (tests/unit/pdf GeneratePdfTest). Data are
// as of the journal head of step 1 (igsgov.journal_position), even when
// another write commits before step 3.
// Each document carries its provenance as document properties
// (igsgov.template, igsgov.template_sha256, igsgov.journal_position,
// igsgov.as_of, igsgov.operation, igsgov.cooperation, igsgov.member).
//
// Output: {"documents": [registry entries], "count", "generation" (the journal
// seq of the registering write: documents.list's filter), "template", "format",
// "out", "as_of", "contributions_source"}.
// Failures: Error(invalid|notFound) naming the field or the template's place;
// TemplateErrors for template mistakes; Error(unsupported) for PDF without
// LibreOffice; Error(io) for the file system and for PDFs LibreOffice did not
// make (place "document": the first failed file name).
#pragma once

#include "documents/DataParts.hpp"
#include "records/Register.hpp"

namespace igsgov::documents {

// Runs the three steps above on `reg`; `info` is the actor, operation and reason
// of the registering write.
JsonObject generateDocuments(records::Register& reg, const JsonObject& in, const records::WriteInfo& info,
                             const FindingsSource& findings);

// The media type of a generated document's format (docx, odt, pdf, html, md).
std::string documentMediaType(const std::string& format);

// Dutch text: what was written.
std::string generateText(const JsonObject& out);

}  // namespace igsgov::documents
