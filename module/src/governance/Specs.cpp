#include "governance/Specs.hpp"

namespace igsgov::governance {

using records::FieldType;
using T = FieldType;

const records::EntitySpec& documentSpec() {
  static const records::EntitySpec s{"gov_document", "document",
                                     {{"cooperation", "cooperation_id", T::text, true},
                                      {"kind", "kind", T::text, true},
                                      {"title", "title", T::text}}};
  return s;
}

const records::EntitySpec& versionSpec() {
  static const records::EntitySpec s{"gov_version", "documentversie",
                                     {{"document", "document_id", T::text, true},
                                      {"label", "label", T::text, true},
                                      {"file_sha256", "file_sha256", T::text},
                                      {"file_name", "file_name", T::text},
                                      {"added_by", "added_by", T::text},
                                      {"status", "status", T::text},
                                      {"submitted", "submitted", T::date},
                                      {"effective_from", "effective_from", T::date},
                                      {"valid_until", "valid_until", T::date}}};
  return s;
}

const records::EntitySpec& approvalSpec() {
  static const records::EntitySpec s{"gov_approval", "goedkeuring",
                                     {{"version_id", "version_id", T::text, true},
                                      {"member", "member_id", T::text},
                                      {"council", "council", T::text, true},
                                      {"date", "decision_date", T::date, true},
                                      {"outcome", "outcome", T::text, true},
                                      {"decision_ref", "decision_ref", T::text},
                                      {"decision_uri", "decision_uri", T::text}}};
  return s;
}

const records::EntitySpec& ruleSpec() {
  static const records::EntitySpec s{"gov_rule", "goedkeuringsregel",
                                     {{"cooperation", "cooperation_id", T::text, true},
                                      {"document_kind", "document_kind", T::text, true},
                                      {"rule", "rule", T::text, true}}};
  return s;
}

std::optional<records::Version> versionOf(store::Database& db, const records::EntitySpec& spec, const std::string& id,
                                          const KnownAt& knownAt) {
  return knownAt ? records::knownAt(db, spec, id, *knownAt) : records::current(db, spec, id);
}

std::vector<records::Version> allWhere(store::Database& db, const records::EntitySpec& spec, const std::string& column,
                                       const std::string& value, const KnownAt& knownAt) {
  if (!knownAt) return records::currentAll(db, spec, column, value);
  std::vector<std::string> ids;
  auto st = db.prepare("SELECT DISTINCT id FROM " + spec.table + " WHERE " + column + " = ? ORDER BY id");
  st.bind(1, value);
  while (st.step()) ids.push_back(st.text(0));
  std::vector<records::Version> out;
  for (const auto& id : ids)
    if (auto v = records::knownAt(db, spec, id, *knownAt)) {
      // The column may have been corrected since: keep only versions that matched then.
      bool match = true;
      for (const auto& f : spec.fields)
        if (f.column == column) match = records::textOf(v->data, f.json).value_or("") == value;
      if (match) out.push_back(*v);
    }
  return out;
}

std::string text(const records::Version& v, const std::string& field) {
  return records::textOf(v.data, field).value_or("");
}

std::vector<records::Version> documentVersions(store::Database& db, const std::string& cooperationId,
                                               const std::string& kind, const KnownAt& knownAt) {
  std::vector<records::Version> out;
  for (const auto& d : allWhere(db, documentSpec(), "cooperation_id", cooperationId, knownAt)) {
    if (text(d, "kind") != kind) continue;
    for (auto& v : allWhere(db, versionSpec(), "document_id", d.id, knownAt)) out.push_back(std::move(v));
  }
  return out;
}

std::string journalActor(store::Database& db, long long jseq) {
  auto& st = db.cached("SELECT actor FROM journal WHERE seq = ?");
  st.bind(1, jseq);
  std::string actor = st.step() ? st.text(0) : "";
  st.reset();
  return actor;
}

}  // namespace igsgov::governance
