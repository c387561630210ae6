// Template: a document template (DOCX, ODT, HTML, Markdown) compiled once and
// rendered into many documents.
//
// Tags follow docxtemplater: {naam}, {lid.naam}, {.}, {#lijst}…{/lijst},
// {^lijst}…{/lijst}, {@raw}, formatters {datum | datum_lang}; see
// docs/dev/templates.md (English) and docs/sjablonen.md (Dutch).
//
// compile() reads the template, inflates only the parts that can hold tags,
// and compiles those; every problem of the template is reported at once as a
// TemplateErrors (igsgov::Error code invalid) listing each issue with its id,
// part, paragraph, position and snippet. A corrupt archive (any member with
// a bad CRC or size, tags or not), a DOCTYPE, an entity, a zip bomb or a
// template over kMaxTemplateBytes is an Error(invalid) too; nothing is written
// anywhere. Every input-driven recursion and list is bounded (Limits.hpp), so
// no template can crash the process or exhaust its memory.
//
// render() fills in the data (a Poco::Dynamic::Var holding a
// Poco::JSON::Object::Ptr) and returns the bytes of the document. Untouched
// zip entries are copied raw; only parts with tags (and the provenance
// properties) are rewritten. A value missing from the data is an error
// (unknown_tag) unless RenderOptions::placeholder is set; all render
// problems are thrown together as TemplateErrors.
//
// Thread safety: a compiled Template is immutable; render() may be called
// from many threads at once. Copies share the compiled form.
#pragma once

#include "docs/PartCompiler.hpp"
#include "docs/TemplateErrors.hpp"
#include "docs/ZipPackage.hpp"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace igsgov::docs {

enum class Format { automatic, docx, odt, html, markdown };

const char* formatName(Format f);
// From a file name's extension (.docx .odt .html .htm .md .markdown); automatic when unknown.
Format formatFromPath(const std::string& path);

struct CompileOptions {
  Format format = Format::automatic;  // automatic: zip content decides; text is Markdown
  ZipLimits limits;
  std::string source;  // names the template in errors (a file name)
};

struct RenderOptions {
  // Written instead of a value the data does not have; unset: unknown_tag error.
  std::optional<std::string> placeholder;
  // Custom document properties (provenance): igsgov.template_sha256, ...
  std::map<std::string, std::string> properties;
  int compressionLevel = 6;  // deflate level for rewritten parts (1..9)
};

struct CompiledTemplate;

class Template {
public:
  static Template compile(std::string bytes, const CompileOptions& options = {});
  static Template compileFile(const std::string& path, CompileOptions options = {});

  std::string render(const Poco::Dynamic::Var& data, const RenderOptions& options = {}) const;

  Format format() const;
  const std::vector<TagUse>& tags() const;
  const std::string& sha256() const;  // of the template bytes
  std::vector<std::string> templatedParts() const;

private:
  explicit Template(std::shared_ptr<const CompiledTemplate> c) : c_(std::move(c)) {}
  std::shared_ptr<const CompiledTemplate> c_;
};

// For `igsgov template check FILE`: every issue and every tag, without
// throwing for template mistakes (an unreadable file still throws Error;
// files are read with readTemplateFile: regular files up to the cap only).
struct CheckResult {
  Format format = Format::automatic;
  std::vector<TemplateIssue> issues;
  std::vector<TagUse> tags;
  bool ok() const { return issues.empty(); }
  Poco::JSON::Object::Ptr toJson() const;
};

CheckResult checkTemplate(const std::string& bytes, const CompileOptions& options = {});
CheckResult checkTemplateFile(const std::string& path, CompileOptions options = {});

}  // namespace igsgov::docs
