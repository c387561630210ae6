#include "web/Attention.hpp"

#include "core/Error.hpp"

#include <algorithm>
#include <vector>

namespace igsgov::web {
namespace {

std::string plural(int n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " en " : ", ") + names[i];
  return out;
}

struct Waiting {  // a version whose approvals are not complete
  std::string kind, version;  // "statuten", "statutenwijziging: verlenging tot 2032"
  std::vector<std::string> missing;  // member (or council) names
};

std::vector<Waiting> waitingVersions(PageRequest& r, const std::string& cooperation, const Date& today) {
  std::vector<Waiting> out;
  auto in = newObject();
  in->set("cooperation", cooperation);
  each(arrayOf(call(r, "document.list", in), "documents"), [&](JsonObject d) {
    each(arrayOf(d, "versions"), [&](JsonObject v) {
      std::string status = text(v, "status");
      if (status != "voorgelegd" && status != "goedgekeurd") return;
      auto pin = newObject();
      pin->set("version_id", text(v, "id"));
      pin->set("as_of", today.iso());
      auto pending = call(r, "approval.pending", pin);
      if (pending->optValue<bool>("complete", false)) return;
      Waiting w{text(d, "kind_label").empty() ? text(d, "kind") : text(d, "kind_label"), text(v, "label"), {}};
      each(arrayOf(pending, "pending"), [&](JsonObject a) {
        w.missing.push_back(text(a, "name").empty() ? text(a, "member") : text(a, "name"));
      });
      out.push_back(std::move(w));
    });
  });
  return out;
}

JsonObject figure(const std::string& key, const std::string& label, const std::string& value, const std::string& href,
                  const std::string& state, const std::string& note = "") {
  auto f = newObject();
  f->set("key", key);
  f->set("label", label);
  f->set("value", value);
  f->set("href", href);
  f->set("state", state);
  // Not only colour: a mark a screen reader and a grey printout keep.
  f->set("mark", state == "dringend" ? "✗" : state == "aandacht" ? "!" : "✓");
  f->set("mark_label", state == "dringend" ? "dringend" : state == "aandacht" ? "aandacht" : "in orde");
  f->set("note", note);
  f->set("has_note", !note.empty());
  return f;
}

JsonObject item(const std::string& text, const std::string& href, bool urgent) {
  auto i = newObject();
  i->set("text", text);
  i->set("href", href);
  i->set("urgent", urgent);
  i->set("mark", urgent ? "✗" : "!");
  i->set("mark_label", urgent ? "dringend" : "aandacht");
  return i;
}

}  // namespace

AttentionSources attentionSources(PageRequest& r, const std::string& cooperation) {
  AttentionSources s;
  s.today = today(r);
  auto dl = newObject();
  if (!cooperation.empty()) dl->set("cooperation", cooperation);
  dl->set("from", s.today.iso());
  dl->set("until", s.today.addDays(std::max(kMandateDays, kDeadlineDays)).iso());
  s.deadlines = arrayOf(call(r, "deadlines.list", dl), "deadlines");
  auto ck = newObject();
  if (!cooperation.empty()) ck->set("cooperation", cooperation);
  ck->set("as_of", s.today.iso());
  s.findings = arrayOf(call(r, "compliance.check", ck), "findings");
  return s;
}

JsonObject attentionOf(PageRequest& r, const JsonObject& coop, const AttentionSources& s) {
  std::string id = text(coop, "id");
  std::string base = "/intranet/igs/" + segment(id);
  auto items = newArray();
  std::vector<JsonObject> later;  // not urgent: after the urgent ones
  auto figures = newArray();

  // Missing approvals.
  auto waiting = waitingVersions(r, id, s.today);
  int missing = 0;
  for (const auto& w : waiting) {
    missing += static_cast<int>(w.missing.size());
    items->add(item("Nog geen goedkeuring van " + joinNames(w.missing) + " voor ‘" + w.version + "’ (" + w.kind + ")",
                    base + "/statuten", true));
  }
  figures->add(figure("goedkeuringen", "Ontbrekende goedkeuringen",
                      missing ? plural(missing, "ontbreekt", "ontbreken") : "geen", base + "/statuten",
                      missing ? "dringend" : "rust"));

  // The term, and the extension that still waits for a council.
  auto termEnd = Date::parse(text(coop, "term_end"));
  bool termItem = termEnd && termEnd->days() - s.today.days() <= kTermDays;
  if (termItem) {
    int days = termEnd->days() - s.today.days();
    std::string when = days < 0 ? "eindigde op " + dateNl(termEnd->iso())
                                : "eindigt op " + dateNl(termEnd->iso()) + " (" +
                                      (days == 0 ? std::string("vandaag") : "over " + plural(days, "dag", "dagen")) + ")";
    std::string extension = "er is geen verlenging voorgelegd";
    for (const auto& w : waiting)
      extension = "de verlenging (" + w.version + ") wacht nog op " + joinNames(w.missing);
    items->add(item("De looptijd " + when + "; " + extension, base + "/statuten", true));
    figures->add(figure("looptijd", "Looptijd", when, base + "/statuten", "dringend", extension));
  } else {
    figures->add(figure("looptijd", "Looptijd", termEnd ? "loopt tot " + dateNl(termEnd->iso()) : "geen einddatum",
                        base, "rust"));
  }

  // Mandates ending and deadlines, from deadlines.list.
  std::string until90 = s.today.addDays(kMandateDays).iso(), until60 = s.today.addDays(kDeadlineDays).iso();
  int mandates = 0, deadlines = 0;
  each(s.deadlines, [&](JsonObject d) {
    if (text(d, "cooperation") != id) return;
    std::string date = text(d, "date");
    if (text(d, "kind") == "mandate_end" && date <= until90) {
      ++mandates;
      later.push_back(item(text(d, "title") + " op " + dateNl(date),
                           base + "/termijnen?van=" + s.today.iso() + "&tot=" + until90, false));
    }
    if (date <= until60) {
      ++deadlines;
      // The end of the term and a version's approvals are already urgent items above.
      std::string kind = text(d, "kind");
      bool covered = (kind == "term_end" && termItem) || (kind == "statuten" && !waiting.empty());
      if (kind != "mandate_end" && !covered)
        later.push_back(item(dateNl(date) + ": " + text(d, "title"),
                             base + "/termijnen?van=" + s.today.iso() + "&tot=" + until60, false));
    }
  });
  figures->add(figure("mandaten", "Mandaten die eindigen (" + std::to_string(kMandateDays) + " dagen)",
                      mandates ? std::to_string(mandates) : "geen",
                      base + "/termijnen?van=" + s.today.iso() + "&tot=" + until90, mandates ? "aandacht" : "rust"));
  figures->add(figure("termijnen", "Termijnen (" + std::to_string(kDeadlineDays) + " dagen)",
                      deadlines ? std::to_string(deadlines) : "geen",
                      base + "/termijnen?van=" + s.today.iso() + "&tot=" + until60, deadlines ? "aandacht" : "rust"));

  // Open findings.
  int errors = 0, warnings = 0;
  each(s.findings, [&](JsonObject f) {
    if (text(f, "cooperation") != id || f->isObject("acknowledged")) return;  // acknowledged: an object
    if (text(f, "severity") == "fout") ++errors;
    if (text(f, "severity") == "waarschuwing") ++warnings;
  });
  int open = errors + warnings;
  if (open)
    later.push_back(item(plural(open, "open bevinding", "open bevindingen") + " van de controle (" +
                             plural(errors, "fout", "fouten") + ", " + plural(warnings, "waarschuwing", "waarschuwingen") + ")",
                         base + "/bevindingen", false));
  figures->add(figure("bevindingen", "Open bevindingen",
                      open ? std::to_string(open) + " (" + plural(errors, "fout", "fouten") + ")" : "geen",
                      base + "/bevindingen", errors ? "dringend" : open ? "aandacht" : "rust"));

  int urgent = static_cast<int>(items->size());
  for (auto& i : later) items->add(i);
  auto out = newObject();
  out->set("figures", figures);
  out->set("items", items);
  out->set("has_items", items->size() > 0);
  out->set("urgent", urgent);
  return out;
}

}  // namespace igsgov::web
