#include "documents/Registry.hpp"

#include "core/Error.hpp"
#include "documents/DocumentPaths.hpp"

namespace igsgov::documents {

void registerDocument(records::Writer& w, const GeneratedDocument& d) {
  using store::Value;
  auto opt = [](const std::string& s) { return s.empty() ? Value{} : Value{s}; };
  w.journal().insertRow("doc_generated", {{"id", d.id},
                                          {"kind", d.kind},
                                          {"template_name", d.templateName},
                                          {"template_sha256", d.templateSha256},
                                          {"cooperation_id", d.cooperation},
                                          {"member_id", opt(d.member)},
                                          {"as_of", d.asOf},
                                          {"journal_position", d.journalPosition},
                                          {"output_path", d.outputPath},
                                          {"output_sha256", d.outputSha256},
                                          {"size", d.size},
                                          {"format", d.format},
                                          {"generated_at", d.generatedAt},
                                          {"jseq", w.journal().seq()}});
}

JsonObject generatedJson(const GeneratedDocument& d, const std::string& file) {
  auto o = newObject();
  o->set("id", d.id);
  o->set("kind", d.kind);
  o->set("template", d.templateName);
  o->set("template_sha256", d.templateSha256);
  o->set("cooperation", d.cooperation);
  if (!d.member.empty()) o->set("member", d.member);
  o->set("as_of", d.asOf);
  o->set("journal_position", d.journalPosition);
  o->set("path", file);
  o->set("recorded_path", d.outputPath);
  o->set("sha256", d.outputSha256);
  o->set("size", d.size);
  o->set("format", d.format);
  o->set("generated_at", d.generatedAt);
  return o;
}

JsonObject listDocuments(store::Database& db, const JsonObject& in) {
  Reader r(in, "documenten");
  r.rejectUnknown({"cooperation", "member", "sha256", "id", "generation", "limit"});
  auto coop = r.optStr("cooperation");
  auto id = r.optStr("id");
  auto generation = r.optInteger("generation");
  auto member = r.optStr("member");
  auto sha = r.optStr("sha256");
  long long limit = r.optInteger("limit").value_or(100);
  if (limit < 1) r.fail("limit", "moet minstens 1 zijn");
  // The actor is the journal entry's that registered the document (same transaction).
  // ?6 is cast where it meets the integer column: on PostgreSQL "?6 IS NULL" makes
  // an absent (NULL) ?6 a text parameter, and bigint = text does not exist.
  auto st = db.prepare(
      "SELECT d.id, d.kind, d.template_name, d.template_sha256, d.cooperation_id, COALESCE(d.member_id, ''), d.as_of, "
      "d.journal_position, d.output_path, d.output_sha256, d.size, d.format, d.generated_at, COALESCE(j.actor, '') "
      "FROM doc_generated d LEFT JOIN journal j ON j.seq = d.jseq "
      "WHERE (?1 IS NULL OR d.cooperation_id = ?1) AND (?2 IS NULL OR d.member_id = ?2) "
      "AND (?3 IS NULL OR d.output_sha256 = ?3) AND (?5 IS NULL OR d.id = ?5) AND (?6 IS NULL OR d.jseq = CAST(?6 AS BIGINT)) "
      "ORDER BY d.row_id DESC LIMIT ?4");
  st.bind(1, coop).bind(2, member).bind(3, sha).bind(4, limit).bind(5, id).bind(6, generation ? store::Value{*generation} : store::Value{});
  auto list = newArray();
  while (st.step()) {
    GeneratedDocument d{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6),
                        st.integer(7), st.text(8), st.text(9), st.integer(10), st.text(11), st.text(12)};
    auto o = generatedJson(d, resolveDocumentPath(db.path(), d.outputPath));
    o->set("generated_by", st.text(13));
    list->add(o);
  }
  auto out = newObject();
  out->set("documents", list);
  return out;
}

}  // namespace igsgov::documents
