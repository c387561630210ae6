// Governing documents (module/src/governance, issue 3) as a sync source and
// as the destination of inbox files. Compiled only when that area is built.
//
// Push: every current version of every governing document, at
//   <cooperation>/<kind folder>/<version id>.<docx|odt|pdf>
// (mapping variables: igs, kind, label, ext, document, version)
// (kind folder: "statuten", "intern_reglement", ...), item = version id,
// version = its status (a status change rewrites only the sidecar).
// Pull: "<inbox>/<cooperation>/<kind>/<file>" becomes a draft ("ontwerp")
// version of that cooperation's document of that kind (created when missing),
// version id "<document>-<12 hex of the file's SHA-256>": the same bytes are
// one version, whatever the file is called.
#include "sync/Targets.hpp"

#include "core/Base64.hpp"
#include "core/Error.hpp"
#include "governance/Documents.hpp"
#include "governance/FileStore.hpp"
#include "governance/Specs.hpp"
#include "governance/Vocabulary.hpp"
#include "records/Entities.hpp"

namespace igsgov::sync {

namespace {

std::string safeSegment(std::string s) {
  for (auto& c : s)
    if (std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos || static_cast<unsigned char>(c) < 0x20)
      c = '-';  // also what Windows/SMB shares refuse
  while (!s.empty() && (s.front() == '.' || s.front() == ' ')) s.erase(s.begin());
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s.empty() ? "versie" : s;
}

std::string extOf(const std::string& mediaType) {
  switch (governance::fileKindOfMediaType(mediaType)) {
    case governance::FileKind::docx: return "docx";
    case governance::FileKind::odt: return "odt";
    case governance::FileKind::pdf: return "pdf";
  }
  return "bin";
}

class GovernanceSource : public Source {
public:
  std::string name() const override { return "governance"; }

  std::vector<SourceItem> items(store::Database& db) override {
    std::vector<SourceItem> out;
    std::map<std::string, records::Version> docs;
    for (auto& d : records::currentAll(db, governance::documentSpec())) docs.emplace(d.id, d);
    for (auto& v : records::currentAll(db, governance::versionSpec())) {
      std::string docId = records::textOf(v.data, "document").value_or("");
      auto d = docs.find(docId);
      if (d == docs.end()) continue;
      std::string coop = records::textOf(d->second.data, "cooperation").value_or("");
      std::string kind = records::textOf(d->second.data, "kind").value_or("");
      std::string sha = records::textOf(v.data, "file_sha256").value_or("");
      auto info = governance::fileInfo(db, sha);
      std::string label = safeSegment(records::textOf(v.data, "label").value_or(v.id));
      std::string ext = extOf(info.mediaType);
      SourceItem s;
      s.kind = kind;
      s.vars = {{"igs", coop}, {"kind", kind}, {"label", label}, {"ext", ext}, {"document", docId}, {"version", v.id}};
      s.path = coop + "/" + kind + "/" + safeSegment(v.id) + "." + ext;  // ids are stable, labels change
      s.item = v.id;
      s.version = records::textOf(v.data, "status").value_or("");
      s.sha256 = sha;
      s.size = static_cast<std::uint64_t>(info.size);
      s.meta = newObject();
      s.meta->set("document", docId);
      s.meta->set("title", records::textOf(d->second.data, "title").value_or(""));
      s.meta->set("cooperation", coop);
      s.meta->set("label", records::textOf(v.data, "label").value_or(""));
      s.meta->set("status", s.version);
      if (auto f = records::textOf(v.data, "effective_from")) s.meta->set("effective_from", *f);
      if (auto u = records::textOf(v.data, "valid_until")) s.meta->set("valid_until", *u);
      s.meta->set("media_type", info.mediaType);
      s.bytes = [sha](store::Database& db2) { return governance::getFile(db2, sha); };
      out.push_back(std::move(s));
    }
    return out;
  }
};

class GovernanceInbox : public InboxSink {
public:
  Imported import(records::Writer& w, const InboxFile& f) override {
    auto& db = w.db();
    Place where;
    where.set("path", f.path);
    if (!records::current(db, records::cooperationSpec(), f.igs))
      throwNotFound("onbekend samenwerkingsverband '" + f.igs + "' (eerste map in de inbox)", where);
    if (!governance::documentKinds().codes().count(f.kind))
      throwInvalid("onbekende documentsoort '" + f.kind + "' (tweede map in de inbox)", where);
    std::vector<records::Version> matches;
    for (auto& d : records::currentAll(db, governance::documentSpec(), "cooperation_id", f.igs))
      if (records::textOf(d.data, "kind").value_or("") == f.kind) matches.push_back(d);
    if (matches.size() > 1)
      throwConflict("meerdere documenten van soort '" + f.kind + "' bij '" + f.igs + "': voeg de versie met de hand toe", where);
    std::string docId = f.igs + "-" + f.kind;
    if (matches.empty()) {
      auto d = newObject();
      d->set("id", docId);
      d->set("cooperation", f.igs);
      d->set("kind", f.kind);
      d->set("title", governance::documentKinds().label(f.kind));
      governance::documentCreate(w, d);
    } else {
      docId = matches.front().id;
    }
    for (auto& v : records::currentAll(db, governance::versionSpec(), "document_id", docId))
      if (records::textOf(v.data, "file_sha256").value_or("") == f.sha256)
        return Imported{v.id, records::textOf(v.data, "status").value_or(""), false};
    auto in = newObject();
    std::string id = docId + "-" + f.sha256.substr(0, 12);
    in->set("id", id);
    in->set("document", docId);
    auto dot = f.name.rfind('.');
    in->set("label", dot == std::string::npos || dot == 0 ? f.name : f.name.substr(0, dot));
    in->set("file_name", f.name);
    in->set("added_by", "sync");
    in->set("status", "ontwerp");
    in->set("content_base64", base64Encode(*f.bytes));
    governance::versionAdd(w, in);
    return Imported{id, "ontwerp", true};
  }
};

}  // namespace

std::unique_ptr<Source> makeGovernanceSource() { return std::make_unique<GovernanceSource>(); }
std::unique_ptr<InboxSink> makeGovernanceInbox() { return std::make_unique<GovernanceInbox>(); }

}  // namespace igsgov::sync
