// The IGS list, overview, composition, deadlines and findings pages, and the
// shared helpers (statuten: GovernancePage.cpp; documents: DocumentsPage.cpp;
// mandates: MandatePages.cpp; members and bodies: MembersPage.cpp).
#include "web/Pages.hpp"

#include "web/Attention.hpp"
#include "web/ExportLinks.hpp"

#include "core/Base64.hpp"
#include "core/Date.hpp"
#include "core/Error.hpp"
#include "core/Timestamp.hpp"
#include "docs/Formatters.hpp"

#include <Poco/URI.h>

#include <cctype>
#include <set>

namespace igsgov::web {

bool mayCall(const PageRequest& r, const std::string& operation, const std::string& cooperation) {
  return ops::mayRun(operation, r.caller, cooperation);
}

JsonObject call(PageRequest& r, const std::string& operation, const JsonObject& input) {
  // Pages build their input themselves and never copy a path from a form; the
  // server files (calendar, rules) come from the service's configuration.
  const ops::Operation* op = ops::catalogue().find(operation);
  return r.session.execute(operation, op ? ops::withServerFiles(*op, input, r.files) : input, r.caller);
}

std::string text(const JsonObject& obj, const std::string& key) {
  if (!obj || !obj->has(key)) return "";
  auto v = obj->get(key);
  if (v.isEmpty()) return "";
  return v.convert<std::string>();
}

std::string dateNl(const std::string& iso) {
  if (iso.empty()) return "";
  std::string out, error;
  auto fn = docs::findFormatter("datum_lang");
  if (!fn || !fn(Poco::Dynamic::Var(iso), out, error)) return iso;
  return out;
}

Micros instant(const PageRequest& r) { return r.now ? r.now : nowMicros(); }

Date today(const PageRequest& r) {
  if (!r.zone) return r.now ? Date::fromYmd(1970, 1, 1).addDays(static_cast<int>(r.now / 86400000000LL)) : Date::today();
  return r.zone->local(instant(r)).date;
}

std::string timeNl(const PageRequest& r, const std::string& utc) {
  auto t = utc.empty() ? std::nullopt : parseTimestamp(utc);
  if (!t) return utc;
  if (!r.zone) return dateNl(utc.substr(0, 10)) + " om " + utc.substr(11, 5) + " (UTC)";
  return dutchDateTime(*t, *r.zone);
}

JsonArray arrayOf(const JsonObject& obj, const std::string& key) {
  auto a = obj ? obj->getArray(key) : nullptr;
  return a ? a : newArray();
}

std::string segment(const std::string& value) {
  std::string out;
  Poco::URI::encode(value, "/?#&=+%;:@ \"'<>", out);
  return out;
}

JsonObject loadIgs(PageRequest& r) {
  auto in = newObject();
  in->set("id", r.params.at("igs"));
  return call(r, "cooperation.show", in);
}


std::string base(PageRequest& r) { return "/intranet/igs/" + segment(r.params.at("igs")); }

bool activeOn(const JsonObject& o, const std::string& day) {
  std::string from = text(o, "from"), until = text(o, "until");
  return (from.empty() || from <= day) && (until.empty() || until >= day);
}

PageResult igsPage(PageRequest& r, const JsonObject& igs, const std::string& view, const std::string& title,
                   const std::string& tab) {
  PageResult p;
  p.view = view;
  p.title = title;
  p.igs = text(igs, "id");
  p.tab = tab;
  p.data = newObject();
  p.data->set("igs_name", text(igs, "name"));
  p.data->set("igs_href", base(r));
  return p;
}

namespace {

std::string humanise(std::string s) {
  for (char& c : s)
    if (c == '_') c = ' ';
  return s;
}

JsonObject fact(const std::string& label, const std::string& value) {
  auto f = newObject();
  f->set("label", label);
  f->set("value", value);
  return f;
}

}  // namespace

PageResult listPage(PageRequest& r) {
  auto out = call(r, "cooperation.list", newObject());
  auto cooperations = arrayOf(out, "cooperations");
  AttentionSources sources;
  sources.today = today(r);
  if (cooperations->size() > 0) sources = attentionSources(r, "");
  auto rows = newArray();
  auto urgent = newArray();
  each(cooperations, [&](JsonObject c) {
    auto row = newObject();
    row->set("name", text(c, "name"));
    row->set("href", "/intranet/igs/" + segment(text(c, "id")));
    row->set("legal_form", text(c, "legal_form").empty()          ? std::string("in oprichting")
                           : text(c, "legal_form_label").empty() ? humanise(text(c, "legal_form"))
                                                                 : text(c, "legal_form_label"));
    row->set("domain", humanise(text(c, "domain")));
    row->set("term_end", dateNl(text(c, "term_end")));
    auto attention = attentionOf(r, c, sources);
    row->set("figures", attention->getArray("figures"));
    auto items = attention->getArray("items");
    for (int i = 0; i < attention->getValue<int>("urgent"); ++i) {
      auto it = items->getObject(static_cast<unsigned>(i));
      it->set("igs_name", text(c, "name"));
      urgent->add(it);
    }
    rows->add(row);
  });
  PageResult p;
  p.view = "list";
  p.title = "Samenwerkingsverbanden";
  p.data = newObject();
  p.data->set("rows", rows);
  p.data->set("empty", rows->size() == 0);
  p.data->set("urgent", urgent);
  p.data->set("has_urgent", urgent->size() > 0);
  p.data->set("today_nl", dateNl(sources.today.iso()));
  return p;
}

PageResult overviewPage(PageRequest& r) {
  auto igs = loadIgs(r);
  std::string id = text(igs, "id");
  std::string todayIso = today(r).iso();
  std::string legalForm = text(igs, "legal_form").empty() ? "in oprichting (nog geen rechtsvorm)" : humanise(text(igs, "legal_form"));
  each(arrayOf(call(r, "cooperation.list", newObject()), "cooperations"), [&](JsonObject c) {
    if (text(c, "id") == id && !text(c, "legal_form_label").empty()) legalForm = text(c, "legal_form_label");
  });
  auto members = newArray();
  int active = 0;
  std::string seat = text(igs, "seat_nis");
  each(arrayOf(igs, "members"), [&](JsonObject m) {
    auto row = newObject();
    row->set("name", text(m, "name"));
    row->set("kind", humanise(text(m, "kind")));
    row->set("nis", text(m, "nis"));
    row->set("from", dateNl(text(m, "from")));
    row->set("until", dateNl(text(m, "until")));
    members->add(row);
    if (activeOn(m, todayIso)) ++active;
    if (!seat.empty() && text(m, "nis") == seat) seat = text(m, "name") + " (" + seat + ")";
  });
  int seats = 0, mandates = 0;
  auto bodies = arrayOf(igs, "bodies");
  each(bodies, [&](JsonObject b) {
    seats += static_cast<int>(arrayOf(b, "seats")->size());
    auto in = newObject();
    in->set("body", text(b, "id"));
    auto comp = call(r, "body.composition", in);
    auto counts = comp->getObject("counts");
    if (counts && counts->has("total")) mandates += counts->getValue<int>("total");
  });
  auto attention = attentionOf(r, igs, attentionSources(r, id));

  PageResult p = igsPage(r, igs, "overview", text(igs, "name"), "overzicht");
  auto facts = newArray();
  facts->add(fact("Rechtsvorm", legalForm));
  facts->add(fact("Beleidsdomein", humanise(text(igs, "domain"))));
  facts->add(fact("KBO-nummer", text(igs, "kbo")));
  facts->add(fact("Zetel", seat));
  facts->add(fact("Referentieregio", text(igs, "referentieregio")));
  facts->add(fact("Opgericht", dateNl(text(igs, "founded"))));
  facts->add(fact("Einde looptijd", dateNl(text(igs, "term_end"))));
  p.data->set("facts", facts);
  auto figures = newArray();
  figures->add(fact("Deelnemers vandaag", std::to_string(active)));
  figures->add(fact("Organen", std::to_string(bodies->size())));
  figures->add(fact("Zetels", std::to_string(seats)));
  figures->add(fact("Mandaten vandaag", std::to_string(mandates)));
  p.data->set("figures", figures);
  p.data->set("attention", attention->getArray("figures"));
  p.data->set("items", attention->getArray("items"));
  p.data->set("has_items", attention->getValue<bool>("has_items"));
  p.data->set("today_nl", dateNl(today(r).iso()));
  p.data->set("members", members);
  return p;
}

PageResult compositionPage(PageRequest& r) {
  auto igs = loadIgs(r);
  auto asOf = dateField(r.fields, "datum");
  std::string wanted = field(r.fields, "orgaan");
  auto bodies = newArray();
  std::string body, bodyName;
  each(arrayOf(igs, "bodies"), [&](JsonObject b) {
    std::string id = text(b, "id");
    if (body.empty() && (wanted.empty() || wanted == id)) {
      body = id;
      bodyName = text(b, "name");
    }
    auto o = newObject();
    o->set("id", id);
    o->set("name", text(b, "name"));
    o->set("selected", false);
    bodies->add(o);
  });
  if (!wanted.empty() && body.empty())
    throwNotFound("onbekend orgaan '" + wanted + "' in dit samenwerkingsverband", Place().set("field", "'orgaan'"));
  each(bodies, [&](JsonObject o) { o->set("selected", text(o, "id") == body); });

  PageResult p = igsPage(r, igs, "composition", "Samenstelling – " + text(igs, "name"), "samenstelling");
  p.data->set("bodies", bodies);
  p.data->set("has_body", !body.empty());
  auto rows = newArray();
  std::string asOfIso = asOf ? *asOf : today(r).iso();
  // "Zoals gekend op": a datetime-local value in the users' zone -> the operation's known_at (UTC).
  std::string knownAt = field(r.fields, "gekend_op");
  std::string knownAtStamp;
  if (!knownAt.empty()) {
    auto day = Date::parse(knownAt.substr(0, 10));
    auto num = [&](std::size_t at) {
      return knownAt.size() > at + 1 && std::isdigit(static_cast<unsigned char>(knownAt[at])) &&
                     std::isdigit(static_cast<unsigned char>(knownAt[at + 1]))
                 ? (knownAt[at] - '0') * 10 + (knownAt[at + 1] - '0')
                 : -1;
    };
    int hour = num(11), minute = num(14);
    if (!day || (knownAt.size() != 16 && knownAt.size() != 19) || knownAt[10] != 'T' || knownAt[13] != ':' ||
        hour < 0 || hour > 23 || minute < 0 || minute > 59)
      throwInvalid("geen geldig tijdstip: '" + knownAt + "' (verwacht JJJJ-MM-DDTUU:MM)",
                   Place().set("field", "'gekend_op'"));
    Micros at = r.zone ? r.zone->utcOf(*day, hour, minute)
                       : static_cast<Micros>(day->days()) * 86400000000LL + (hour * 3600LL + minute * 60LL) * 1000000LL;
    knownAtStamp = formatTimestamp(at);
  }
  p.data->set("known_at", knownAt.substr(0, 16));
  p.data->set("known_at_nl", timeNl(r, knownAtStamp));
  p.data->set("known_note", "");
  if (!body.empty()) {
    auto in = newObject();
    in->set("body", body);
    in->set("as_of", asOfIso);
    if (!knownAtStamp.empty()) in->set("known_at", knownAtStamp);
    JsonObject comp;
    try {
      comp = call(r, "body.composition", in);
    } catch (const Error& e) {
      // An earlier registration state that did not know the body yet is an answer, not an error.
      if (knownAtStamp.empty() || e.errorCode() != ErrorCode::notFound) throw;
      // The operation's message names the body's id and a UTC instant; the page says it with names.
      p.data->set("known_note", "Het register kende " + bodyName + " op " + timeNl(r, knownAtStamp) +
                                    " nog niet: het was toen nog niet geregistreerd.");
      comp = newObject();
      comp->set("body_active", true);  // the note says why there are no rows
    }
    each(arrayOf(comp, "mandates"), [&](JsonObject m) {
      auto row = newObject();
      auto person = m->getObject("person");
      auto member = m->getObject("member");
      row->set("person", text(person, "name"));
      row->set("role", text(m, "role_label").empty() ? text(m, "role") : text(m, "role_label"));
      row->set("member", text(member, "name"));
      row->set("side", text(m, "side"));
      row->set("fractie", text(m, "fractie"));
      row->set("voting", m->has("voting") && m->getValue<bool>("voting") ? "stemgerechtigd" : "raadgevend");
      row->set("status", text(m, "status"));
      row->set("from", dateNl(text(m, "from")));
      row->set("until", dateNl(text(m, "until")));
      row->set("href", base(r) + "/mandaten/" + segment(text(m, "mandate")));
      rows->add(row);
    });
    p.data->set("body_active", comp->has("body_active") && comp->getValue<bool>("body_active"));
  } else {
    p.data->set("body_active", false);
  }
  p.data->set("body_name", bodyName);
  p.data->set("download", body.empty() ? Poco::Dynamic::Var(false)
                                       : downloadLinks(r, "samenstelling", {{"orgaan", body}, {"datum", asOfIso},
                                                                            {"gekend", knownAtStamp}}));
  p.data->set("download_history", body.empty() ? Poco::Dynamic::Var(false)
                                               : downloadLinks(r, "mandaten", {{"orgaan", body}}));
  p.data->set("may_appoint", mayCall(r, "mandate.appoint", text(igs, "id")));
  p.data->set("appoint_href", base(r) + "/mandaten/nieuw");
  p.data->set("printed_nl", timeNl(r, formatTimestamp(instant(r))));
  p.data->set("as_of", asOfIso);
  p.data->set("as_of_nl", dateNl(asOfIso));
  p.data->set("rows", rows);
  p.data->set("count", static_cast<int>(rows->size()));
  p.data->set("empty", rows->size() == 0);
  return p;
}

PageResult deadlinesPage(PageRequest& r) {
  auto igs = loadIgs(r);
  auto from = dateField(r.fields, "van");
  auto until = dateField(r.fields, "tot");
  auto in = newObject();
  in->set("cooperation", text(igs, "id"));
  if (from) in->set("from", *from);
  if (until) in->set("until", *until);
  auto out = call(r, "deadlines.list", in);
  auto rows = newArray();
  each(arrayOf(out, "deadlines"), [&](JsonObject d) {
    auto row = newObject();
    row->set("date", dateNl(text(d, "date")));
    row->set("iso", text(d, "date"));
    row->set("title", text(d, "title"));
    row->set("description", text(d, "description"));
    row->set("verified", text(d, "verified") != "false");
    rows->add(row);
  });
  PageResult p = igsPage(r, igs, "deadlines", "Termijnen – " + text(igs, "name"), "termijnen");
  p.data->set("from", text(out, "from"));
  p.data->set("until", text(out, "until"));
  p.data->set("from_nl", dateNl(text(out, "from")));
  p.data->set("until_nl", dateNl(text(out, "until")));
  p.data->set("rows", rows);
  p.data->set("empty", rows->size() == 0);
  return p;
}

PageResult packDownload(PageRequest& r) {
  auto igs = loadIgs(r);
  auto in = newObject();
  in->set("cooperation", text(igs, "id"));
  if (auto from = dateField(r.fields, "van")) in->set("from", *from);
  if (auto until = dateField(r.fields, "tot")) in->set("until", *until);
  auto out = call(r, "audit.pack", in);
  PageResult p;
  p.fileBytes = base64Decode(text(out, "zip_base64"), Place().set("operation", "audit.pack"));
  p.fileName = "bewijspakket-" + text(igs, "id") + ".zip";
  p.mediaType = "application/zip";
  return p;
}

PageResult findingsPage(PageRequest& r) {
  auto igs = loadIgs(r);
  auto asOf = dateField(r.fields, "datum");
  auto in = newObject();
  in->set("cooperation", text(igs, "id"));
  if (asOf) in->set("as_of", *asOf);
  auto out = call(r, "compliance.check", in);
  bool mayAck = mayCall(r, "compliance.acknowledge", text(igs, "id"));
  // Who acknowledged, by name: account names for whoever may list accounts, else the user name.
  std::map<std::string, std::string> names;
  if (mayCall(r, "account.list", ""))
    each(arrayOf(call(r, "account.list", newObject()), "accounts"),
         [&](JsonObject a) { names["account:" + text(a, "id")] = text(a, "display_name"); });
  auto actorName = [&](const std::string& actor) {
    if (names.count(actor) && !names[actor].empty()) return names[actor];
    return actor.rfind("account:", 0) == 0 ? actor.substr(8) : actor;
  };
  auto rows = newArray();
  each(arrayOf(out, "findings"), [&](JsonObject f) {
    auto row = newObject();
    auto ack = f->isObject("acknowledged") ? f->getObject("acknowledged") : nullptr;
    bool acked = ack != nullptr;
    row->set("key", text(f, "key"));
    row->set("rule", text(f, "rule"));
    row->set("severity", text(f, "severity"));
    row->set("message", text(f, "message"));
    row->set("acknowledged", acked);
    row->set("ack_reason", text(ack, "motivation"));
    row->set("ack_by", actorName(text(ack, "actor")));
    row->set("ack_form", mayAck && !acked);
    auto basis = f->getObject("basis");
    row->set("citation", text(basis, "citation"));
    rows->add(row);
  });
  // Rules listed with a reason (not evaluable, not applicable to a cooperation in oprichting).
  auto ruleReasons = [&](const std::string& key) {
    auto rows = newArray();
    each(arrayOf(out, key), [&](JsonObject n) {
      auto row = newObject();
      row->set("rule", text(n, "rule"));
      row->set("reason", text(n, "reason"));
      rows->add(row);
    });
    return rows;
  };
  auto notEvaluable = ruleReasons("not_evaluable");
  auto notApplicable = ruleReasons("not_applicable");
  std::string oprichting;  // the note when this cooperation is in oprichting
  each(arrayOf(out, "in_oprichting"), [&](JsonObject o) { oprichting = text(o, "note"); });
  PageResult p = igsPage(r, igs, "findings", "Bevindingen – " + text(igs, "name"), "bevindingen");
  p.data->set("in_oprichting", oprichting);
  p.data->set("founding_link", base(r) + "/oprichting");
  p.data->set("not_applicable", notApplicable);
  p.data->set("has_not_applicable", notApplicable->size() > 0);
  p.data->set("download", downloadLinks(r, "bevindingen", {{"datum", text(out, "as_of")}}));
  p.data->set("as_of", text(out, "as_of"));
  p.data->set("as_of_nl", dateNl(text(out, "as_of")));
  p.data->set("rows", rows);
  p.data->set("empty", rows->size() == 0);
  p.data->set("not_evaluable", notEvaluable);
  p.data->set("has_not_evaluable", notEvaluable->size() > 0);
  p.data->set("acknowledged_now", field(r.fields, "erkend") == "1");
  p.data->set("action", base(r) + "/bevindingen/erkennen");
  p.data->set("pack_action", base(r) + "/bewijspakket");
  p.data->set("may_pack", mayCall(r, "audit.pack", text(igs, "id")));
  p.data->set("csrf", r.csrf);
  return p;
}

PageResult acknowledgeAction(PageRequest& r) {
  auto igs = loadIgs(r);
  auto asOf = dateField(r.fields, "datum");
  std::string key = field(r.fields, "key"), reason = field(r.fields, "reden");
  if (key.empty()) throwInvalid("geen bevinding gekozen", Place().set("field", "'key'"));
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    throwInvalid("geef een reden waarom de bevinding gekend en aanvaard is", Place().set("field", "'reden'"));
  auto in = newObject();
  in->set("key", key);
  in->set("reason", reason);
  in->set("cooperation", text(igs, "id"));
  if (asOf) in->set("as_of", *asOf);
  r.caller.reason = reason;
  call(r, "compliance.acknowledge", in);
  PageResult p;
  p.redirect = base(r) + "/bevindingen?erkend=1" + (asOf ? "&datum=" + *asOf : std::string());
  return p;
}

}  // namespace igsgov::web
