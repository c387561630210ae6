#include "ops/Scope.hpp"

namespace igsgov::ops {

namespace {

std::set<std::string> column(store::Database& db, const char* sql, const std::string& id) {
  auto st = db.prepare(sql);
  st.bind(1, id);
  std::set<std::string> out;
  while (st.step())
    if (!st.isNull(0)) out.insert(st.text(0));
  return out;
}

// The latest registration of a record (a correction may have moved it).
constexpr const char* kMember = "SELECT cooperation_id FROM member WHERE id = ? ORDER BY rec_from DESC, row_id DESC LIMIT 1";
constexpr const char* kBody = "SELECT cooperation_id FROM body WHERE id = ? ORDER BY rec_from DESC, row_id DESC LIMIT 1";
constexpr const char* kSeat =
    "SELECT b.cooperation_id FROM body b WHERE b.id = (SELECT body_id FROM seat WHERE id = ? ORDER BY rec_from DESC, "
    "row_id DESC LIMIT 1) ORDER BY b.rec_from DESC, b.row_id DESC LIMIT 1";
constexpr const char* kMandate =
    "SELECT b.cooperation_id FROM body b WHERE b.id = (SELECT body_id FROM mandate WHERE id = ? ORDER BY rec_from DESC, "
    "row_id DESC LIMIT 1) ORDER BY b.rec_from DESC, b.row_id DESC LIMIT 1";
constexpr const char* kPerson =
    "SELECT DISTINCT b.cooperation_id FROM mandate m JOIN body b ON b.id = m.body_id WHERE m.person_id = ?";
constexpr const char* kDocument =
    "SELECT cooperation_id FROM gov_document WHERE id = ? ORDER BY rec_from DESC, row_id DESC LIMIT 1";
constexpr const char* kVersion =
    "SELECT d.cooperation_id FROM gov_document d WHERE d.id = (SELECT document_id FROM gov_version WHERE id = ? ORDER BY "
    "rec_from DESC, row_id DESC LIMIT 1) ORDER BY d.rec_from DESC, d.row_id DESC LIMIT 1";
constexpr const char* kKey = "SELECT cooperation_id FROM fin_key WHERE id = ? ORDER BY rec_from DESC, row_id DESC LIMIT 1";
constexpr const char* kCheckOff =
    "SELECT cooperation_id FROM founding_checkoff WHERE id = ? ORDER BY rec_from DESC, row_id DESC LIMIT 1";
constexpr const char* kCooperation = "SELECT id FROM cooperation WHERE id = ? LIMIT 1";
// A municipality's own plan (owner = NIS code) concerns every cooperation it takes part in.
constexpr const char* kNis = "SELECT DISTINCT cooperation_id FROM member WHERE nis = ? AND rec_to IS NULL";

}  // namespace

std::set<std::string> cooperationsOf(store::Database& db, Ref ref, const std::string& id) {
  switch (ref) {
    case Ref::cooperation: return {id};
    case Ref::member: return column(db, kMember, id);
    case Ref::body: return column(db, kBody, id);
    case Ref::seat: return column(db, kSeat, id);
    case Ref::mandate: return column(db, kMandate, id);
    case Ref::person: return column(db, kPerson, id);
    case Ref::document: return column(db, kDocument, id);
    case Ref::version: return column(db, kVersion, id);
    case Ref::contributionKey: return column(db, kKey, id);
    case Ref::checkOff: return column(db, kCheckOff, id);
    case Ref::planOwner: {
      if (!column(db, kCooperation, id).empty()) return {id};
      auto member = column(db, kMember, id);
      return member.empty() ? column(db, kNis, id) : member;
    }
    case Ref::plan: return {};  // an object: see refs()
  }
  return {};
}

ScopeFn refs(std::vector<std::pair<std::string, Ref>> fields, Concerns otherwise) {
  return [fields = std::move(fields), otherwise](store::Database& db, const JsonObject& in) {
    bool named = false;
    std::set<std::string> out;
    for (const auto& [field, ref] : fields) {
      if (!in->has(field) || in->isNull(field)) continue;
      std::string id;
      if (ref == Ref::plan) {
        // plan.store: {"plan": {"owner": {"kind", "id"}, ...}}
        auto plan = in->getObject(field);
        auto owner = plan ? plan->getObject("owner") : nullptr;
        if (!owner || !owner->has("id") || !owner->get("id").isString()) continue;
        named = true;
        auto c = cooperationsOf(db, Ref::planOwner, owner->getValue<std::string>("id"));
        out.insert(c.begin(), c.end());
        continue;
      }
      if (!in->get(field).isString()) continue;
      named = true;
      auto c = cooperationsOf(db, ref, in->getValue<std::string>(field));
      out.insert(c.begin(), c.end());
    }
    if (!named) return otherwise;
    return Concerns::of(std::move(out));
  };
}

FilterFn keepVisibleAll(std::vector<std::pair<std::string, std::string>> arrayFields) {
  return [arrayFields = std::move(arrayFields)](store::Database&, JsonObject out, const Visible& visible) {
    for (const auto& [array, field] : arrayFields) {
      auto list = out->getArray(array);
      if (!list) continue;
      auto kept = newArray();
      for (std::size_t i = 0; i < list->size(); ++i) {
        auto o = list->getObject(static_cast<unsigned>(i));
        if (o && o->has(field) && o->get(field).isString() && !visible(o->getValue<std::string>(field))) continue;
        kept->add(list->get(static_cast<unsigned>(i)));
      }
      out->set(array, kept);
    }
  };
}

FilterFn keepPersonsVisible() {
  return [](store::Database& db, JsonObject out, const Visible& visible) {
    auto list = out->getArray("persons");
    if (!list) return;
    auto kept = newArray();
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto p = list->getObject(static_cast<unsigned>(i));
      auto coops = cooperationsOf(db, Ref::person, p->getValue<std::string>("id"));
      bool show = coops.empty();
      for (const auto& c : coops) show = show || visible(c);
      if (show) kept->add(p);
    }
    out->set("persons", kept);
  };
}

FilterFn keepVisible(std::string array, std::string field) { return keepVisibleAll({{std::move(array), std::move(field)}}); }

}  // namespace igsgov::ops
