#include "governance/DocumentQueries.hpp"
#include "core/Date.hpp"

#include "core/AtomicFile.hpp"
#include "core/Error.hpp"
#include "core/Timestamp.hpp"
#include "governance/Approvals.hpp"
#include "governance/FileStore.hpp"
#include "governance/ParagraphDiff.hpp"
#include "governance/TextExtract.hpp"
#include "governance/Vocabulary.hpp"
#include "records/Entities.hpp"

#include <Poco/File.h>

#include <sstream>

namespace igsgov::governance {

using records::Version;

namespace {

KnownAt readKnownAt(const Reader& r) {
  auto k = r.optStr("known_at");
  if (!k) return std::nullopt;
  auto t = parseTimestamp(*k);
  if (!t) r.fail("known_at", "geen geldige datum of tijdstip: '" + *k + "'");
  return formatTimestamp(k->size() == 10 ? *t + 86400000000LL - 1 : *t);
}

std::string dateText(const std::string& iso) {
  auto d = Date::parse(iso);
  return d ? dutchLongDate(*d) : iso;
}

// The document named by "document", or the one of kind "kind" (default
// statuten) of "cooperation".
Version resolveDocument(store::Database& db, const Reader& r, const KnownAt& knownAt) {
  if (auto id = r.optStr("document")) {
    auto d = versionOf(db, documentSpec(), *id, knownAt);
    if (!d) throwNotFound("onbekend document '" + *id + "'", r.place("document"));
    return *d;
  }
  auto coop = r.optStr("cooperation");
  if (!coop) r.fail("document", "geef een document ('document') of een samenwerkingsverband ('cooperation')");
  records::requireCurrent(db, records::cooperationSpec(), *coop, r.place("cooperation"));
  std::string kind = r.optStr("kind").value_or("statuten");
  requireCode(documentKinds(), kind, "soort document", r.place("kind"));
  std::optional<Version> found;
  for (const auto& d : allWhere(db, documentSpec(), "cooperation_id", *coop, knownAt)) {
    if (text(d, "kind") != kind) continue;
    if (found)
      throwConflict("samenwerkingsverband '" + *coop + "' heeft meer dan één document van soort " + kind +
                        "; kies met 'document'",
                    r.place("kind"));
    found = d;
  }
  if (!found) throwNotFound("samenwerkingsverband '" + *coop + "' heeft geen " + documentKinds().label(kind), r.place("kind"));
  return *found;
}

JsonObject versionSummary(store::Database& db, const Version& v) {
  auto o = records::versionJson(v, false);
  o->set("status_label", versionStatuses().label(text(v, "status")));
  auto f = fileInfo(db, text(v, "file_sha256"));
  o->set("media_type", f.mediaType);
  o->set("size", f.size);
  return o;
}

std::vector<Version> versionsOf(store::Database& db, const std::string& docId, const KnownAt& knownAt) {
  return allWhere(db, versionSpec(), "document_id", docId, knownAt);
}

Version requireVersion(store::Database& db, const Reader& r, const std::string& field, const KnownAt& knownAt = {}) {
  std::string id = r.str(field);
  auto v = versionOf(db, versionSpec(), id, knownAt);
  if (!v) throwNotFound("onbekende documentversie '" + id + "'", r.place(field));
  return *v;
}

}  // namespace

std::string outOfForceByDates(const records::Version& v, const Date& asOf) {
  auto eff = records::dateOf(v.data, "effective_from");
  auto until = records::dateOf(v.data, "valid_until");
  if (text(v, "status") == "ontwerp") return "nog een ontwerp";
  if (!eff) return "geen datum van inwerkingtreding";
  if (asOf < *eff) return "treedt pas in werking op " + dutchLongDate(*eff);
  if (until && *until < asOf) return "niet meer in werking sinds " + until->addDays(1).iso();
  return "";
}

InForce inForce(store::Database& db, const std::string& documentId, const Date& asOf, const KnownAt& knownAt) {
  InForce out;
  for (auto& v : versionsOf(db, documentId, knownAt)) {
    auto eff = records::dateOf(v.data, "effective_from");
    std::string why = outOfForceByDates(v, asOf);
    std::optional<ApprovalStatus> st;
    if (why.empty()) {
      st = approvalStatus(db, v, asOf, knownAt);
      if (!st->complete)
        why = std::to_string(st->missing()) + " goedkeuring(en) ontbreken op " + dutchLongDate(asOf);
    }
    if (!why.empty()) {
      out.notInForce.push_back({std::move(v), why});
      continue;
    }
    const auto& best = out.version;
    if (!best || *records::dateOf(best->data, "effective_from") < *eff ||
        (*records::dateOf(best->data, "effective_from") == *eff && best->rowId < v.rowId)) {
      out.version = std::move(v);
      out.approvals = std::move(st);
    }
  }
  return out;
}

JsonObject documentInForce(store::Database& db, const JsonObject& in) {
  Reader r(in, "document");
  r.rejectUnknown({"document", "cooperation", "kind", "as_of", "known_at"});
  auto knownAt = readKnownAt(r);
  Date asOf = r.optDate("as_of").value_or(Date::today());
  auto doc = resolveDocument(db, r, knownAt);
  auto out = newObject();
  out->set("document", records::versionJson(doc, false));
  out->set("as_of", asOf.iso());
  if (knownAt) out->set("known_at", *knownAt);
  auto found = inForce(db, doc.id, asOf, knownAt);
  auto notes = newArray();
  for (const auto& o : found.notInForce) {
    auto n = newObject();
    n->set("version", o.version.id);
    n->set("label", text(o.version, "label"));
    n->set("reason", o.reason);
    notes->add(n);
  }
  if (found.version) {
    auto vo = versionSummary(db, *found.version);
    vo->set("approvals", approvalStatusJson(db, *found.approvals));
    out->set("in_force", vo);
  }
  out->set("not_in_force", notes);
  return out;
}

JsonObject approvalPending(store::Database& db, const JsonObject& in) {
  Reader r(in, "documentversie");
  r.rejectUnknown({"version_id", "as_of", "known_at"});
  auto knownAt = readKnownAt(r);
  auto v = requireVersion(db, r, "version_id", knownAt);
  auto st = approvalStatus(db, v, r.optDate("as_of").value_or(Date::today()), knownAt);
  auto out = approvalStatusJson(db, st);
  out->set("label", text(v, "label"));
  out->set("status", text(v, "status"));
  return out;
}

JsonObject documentHistory(store::Database& db, const JsonObject& in) {
  Reader r(in, "document");
  r.rejectUnknown({"document", "cooperation", "kind"});
  auto doc = resolveDocument(db, r, std::nullopt);
  auto out = newObject();
  out->set("document", records::versionJson(doc, false));
  auto versions = newArray();
  for (const auto& v : versionsOf(db, doc.id, std::nullopt)) {
    auto vo = versionSummary(db, v);
    auto changes = newArray();
    for (const auto& h : records::history(db, versionSpec(), v.id)) {
      auto c = newObject();
      c->set("at", h.recFrom);
      c->set("kind", h.changeKind);
      c->set("status", text(h, "status"));
      c->set("by", journalActor(db, h.jseq));
      c->set("journal_seq", h.jseq);
      if (!h.reason.empty()) c->set("reason", h.reason);
      changes->add(c);
    }
    vo->set("changes", changes);
    auto approvals = newArray();
    for (const auto& a : records::currentAll(db, approvalSpec(), "version_id", v.id))
      approvals->add(records::versionJson(a, false));
    vo->set("approvals", approvals);
    versions->add(vo);
  }
  out->set("versions", versions);
  return out;
}

JsonObject documentList(store::Database& db, const JsonObject& in) {
  Reader r(in, "document");
  r.rejectUnknown({"cooperation"});
  std::vector<Version> docs;
  if (auto coop = r.optStr("cooperation")) {
    records::requireCurrent(db, records::cooperationSpec(), *coop, r.place("cooperation"));
    docs = records::currentAll(db, documentSpec(), "cooperation_id", *coop);
  } else {
    docs = records::currentAll(db, documentSpec());
  }
  auto list = newArray();
  for (const auto& d : docs) {
    auto o = records::versionJson(d, false);
    o->set("kind_label", documentKinds().label(text(d, "kind")));
    auto versions = newArray();
    for (const auto& v : versionsOf(db, d.id, std::nullopt)) versions->add(versionSummary(db, v));
    o->set("versions", versions);
    list->add(o);
  }
  auto out = newObject();
  out->set("documents", list);
  return out;
}

JsonObject documentCompare(store::Database& db, const JsonObject& in) {
  Reader r(in, "vergelijking");
  r.rejectUnknown({"from", "to", "html_path", "context"});
  auto a = requireVersion(db, r, "from");
  auto b = requireVersion(db, r, "to");
  auto paragraphs = [&](const Version& v) {
    auto info = fileInfo(db, text(v, "file_sha256"));
    std::string source = text(v, "file_name").empty() ? "versie " + v.id : text(v, "file_name");
    return extractParagraphs(getFile(db, info.sha256), fileKindOfMediaType(info.mediaType), source);
  };
  auto d = diffParagraphs(paragraphs(a), paragraphs(b));
  std::string title = text(a, "label") + " → " + text(b, "label");
  auto out = diffSummaryJson(d);
  out->set("from", a.id);
  out->set("to", b.id);
  out->set("title", title);
  int context = static_cast<int>(r.optInteger("context").value_or(1));
  out->set("text", "Vergelijking " + title + "\n" + diffToText(d, context));
  std::string html = diffToHtml(d, "Vergelijking " + title);
  out->set("html", html);
  if (auto path = r.optStr("html_path")) {
    writeFileAtomically(*path, "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>" +
                                   htmlEscape(title) +
                                   "</title><style>del{background:#fdd}ins{background:#dfd}.same{color:#555}</style>"
                                   "</head><body>\n" + html + "</body></html>\n");
    out->set("html_path", *path);
  }
  return out;
}

JsonObject documentFile(store::Database& db, const JsonObject& in) {
  Reader r(in, "documentversie");
  r.rejectUnknown({"version_id", "path"});
  auto v = requireVersion(db, r, "version_id");
  std::string path = r.str("path");
  std::string bytes = getFile(db, text(v, "file_sha256"));
  writeFileAtomically(path, bytes);
  auto out = newObject();
  out->set("path", path);
  out->set("sha256", text(v, "file_sha256"));
  out->set("size", static_cast<long long>(bytes.size()));
  return out;
}

JsonObject ruleShow(store::Database& db, const JsonObject& in) {
  Reader r(in, "goedkeuringsregel");
  r.rejectUnknown({"cooperation", "document_kind"});
  std::string kind = r.optStr("document_kind").value_or("statuten");
  requireCode(documentKinds(), kind, "soort document", r.place("document_kind"));
  auto c = ruleFor(db, r.str("cooperation"), kind);
  auto out = newObject();
  out->set("cooperation", r.str("cooperation"));
  out->set("document_kind", kind);
  out->set("rule", c.rule);
  out->set("label", approvalRules().label(c.rule));
  out->set("legal_form", c.legalForm);
  out->set("default_rule", defaultRule(c.legalForm, kind));
  out->set("origin", c.overridden ? "afwijking" : "rechtsvorm");
  if (c.overridden) out->set("reason", c.reason);
  return out;
}

std::string inForceText(const JsonObject& o) {
  std::ostringstream os;
  auto doc = o->getObject("document");
  os << doc->optValue<std::string>("title", "") << " (" << doc->optValue<std::string>("id", "") << ")\n";
  os << "In werking op " << dateText(o->getValue<std::string>("as_of"));
  if (o->has("known_at")) os << ", zoals gekend op " << o->getValue<std::string>("known_at");
  os << ": ";
  if (o->has("in_force")) {
    auto v = o->getObject("in_force");
    os << v->getValue<std::string>("label") << " (" << v->getValue<std::string>("id") << "), sinds "
       << dateText(v->getValue<std::string>("effective_from")) << "\n";
    auto a = v->getObject("approvals");
    auto rule = a->getObject("rule");
    os << "  Regel: " << rule->getValue<std::string>("label")
       << (rule->getValue<std::string>("origin") == "afwijking" ? " (afwijking: " + rule->optValue<std::string>("reason", "") + ")"
                                                                 : " (volgens de rechtsvorm)")
       << "\n";
    auto approvers = a->getArray("approvers");
    for (std::size_t i = 0; i < approvers->size(); ++i) {
      auto ap = approvers->getObject(static_cast<unsigned>(i));
      os << "  - " << ap->getValue<std::string>("name") << ": " << ap->getValue<std::string>("state");
      if (ap->has("decision")) {
        auto d = ap->getObject("decision");
        os << " op " << dateText(d->getValue<std::string>("date"));
        if (d->has("decision_ref")) os << " (" << d->getValue<std::string>("decision_ref") << ")";
      }
      os << "\n";
    }
  } else {
    os << "geen versie\n";
  }
  auto notes = o->getArray("not_in_force");
  for (std::size_t i = 0; i < notes->size(); ++i) {
    auto n = notes->getObject(static_cast<unsigned>(i));
    os << "  Niet in werking: " << n->getValue<std::string>("label") << " (" << n->getValue<std::string>("version")
       << "): " << n->getValue<std::string>("reason") << "\n";
  }
  return os.str();
}

std::string pendingText(const JsonObject& o) {
  std::ostringstream os;
  os << "Versie " << o->getValue<std::string>("label") << " (" << o->getValue<std::string>("version") << "), status "
     << o->getValue<std::string>("status") << "\n";
  os << "Regel: " << o->getObject("rule")->getValue<std::string>("label") << "\n";
  auto pending = o->getArray("pending");
  if (pending->size() == 0) os << "Alle goedkeuringen zijn binnen.\n";
  else os << "Nog niet goedgekeurd op " << dateText(o->getValue<std::string>("as_of")) << " (" << pending->size() << "):\n";
  for (std::size_t i = 0; i < pending->size(); ++i) {
    auto p = pending->getObject(static_cast<unsigned>(i));
    os << "  - " << p->getValue<std::string>("name") << ": " << p->getValue<std::string>("state") << "\n";
  }
  return os.str();
}

std::string compareText(const JsonObject& o) {
  std::string s = o->getValue<std::string>("text");
  if (o->has("html_path")) s += "HTML: " + o->getValue<std::string>("html_path") + "\n";
  return s;
}

}  // namespace igsgov::governance
