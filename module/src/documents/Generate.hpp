// Generate: the body of the documents.generate operation.
//
// Input: {"template": shipped name | path, "cooperation": id, "member": NIS or
// member id, "all_members": bool, "as_of": date (default today), "format":
// docx|odt|html|md|pdf, "out": folder, "kind": lid|verband (custom templates),
// "body": board id (default the raad van bestuur), "contributions": {...}}.
//
// Order of work, so that a bad call changes nothing: read the input, find and
// compile the template (every template error at once), build the data of
// every document, render every document in memory (and convert them all to
// PDF in one LibreOffice batch, docs/Pdf.hpp: one process per core, a stuck
// conversion timed out; any document without a complete PDF fails the whole
// call, naming the documents by their file names), then stage all files as temporaries, register every document in the
// register (doc_generated, same transaction and journal entry), and only
// then rename the files into place. Any error before the renames leaves no
// file and no registry row; the register transaction rolls back on any throw.
// Each document carries its provenance as document properties
// (igsgov.template, igsgov.template_sha256, igsgov.journal_position,
// igsgov.as_of, igsgov.operation, igsgov.cooperation, igsgov.member).
//
// Output: {"documents": [registry entries], "count", "template", "format",
// "out", "as_of", "contributions_source"}.
// Failures: Error(invalid|notFound) naming the field or the template's place;
// TemplateErrors for template mistakes; Error(unsupported) for PDF without
// LibreOffice; Error(io) for the file system and for PDFs LibreOffice did not
// make (place "document": the first failed file name).
#pragma once

#include "documents/DataParts.hpp"
#include "records/Register.hpp"

namespace igsgov::documents {

JsonObject generateDocuments(records::Writer& w, const JsonObject& in, const FindingsSource& findings);

// Dutch text: what was written.
std::string generateText(const JsonObject& out);

}  // namespace igsgov::documents
