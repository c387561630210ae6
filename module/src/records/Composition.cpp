#include "records/Composition.hpp"

#include "core/Error.hpp"
#include "core/Timestamp.hpp"
#include "model/Vocabulary.hpp"
#include "records/Entities.hpp"

namespace igsgov::records {

namespace {
// One query serves "now" and "known at T": with T far in the future the
// record-time condition selects exactly the current rows.
const char* kSql = R"SQL(
SELECT m.id, m.person_id, p.name, p.fictitious, m.role, m.side, m.fractie, m.voting, m.status,
       m.valid_from, m.valid_until, m.member_id, mb.name, mb.nis, m.seat_id,
       m.decision_council, m.decision_date, m.decision_ref, m.decision_uri, p.gender
FROM mandate m
LEFT JOIN person p ON p.id = m.person_id AND p.rec_from <= ?2 AND (p.rec_to IS NULL OR p.rec_to > ?2)
LEFT JOIN member mb ON mb.id = m.member_id AND mb.rec_from <= ?2 AND (mb.rec_to IS NULL OR mb.rec_to > ?2)
WHERE m.body_id = ?1 AND m.rec_from <= ?2 AND (m.rec_to IS NULL OR m.rec_to > ?2)
  AND m.retracted = 0 AND m.valid_from <= ?3 AND (m.valid_until IS NULL OR m.valid_until >= ?3)
ORDER BY CASE m.role WHEN 'voorzitter' THEN 1 WHEN 'ondervoorzitter' THEN 2 WHEN 'bestuurder' THEN 3
                     WHEN 'afgevaardigde' THEN 4 WHEN 'bestuurder_raadgevend' THEN 5
                     WHEN 'plaatsvervanger' THEN 6 ELSE 7 END, p.name, m.id
)SQL";
}  // namespace

JsonObject bodyComposition(store::Database& db, const JsonObject& in) {
  Reader r(in, "samenstelling");
  r.rejectUnknown({"body", "as_of", "known_at"});
  std::string bodyId = r.str("body");
  Date asOf = r.optDate("as_of").value_or(Date::today());
  std::string knownAt = "9999-12-31T23:59:59.999999Z";
  bool historical = false;
  if (auto k = r.optStr("known_at")) {
    auto t = parseTimestamp(*k);
    if (!t) r.fail("known_at", "geen geldige datum of tijdstip: '" + *k + "'");
    // A bare date means "as known at the end of that day".
    knownAt = formatTimestamp(k->size() == 10 ? *t + 86400000000LL - 1 : *t);
    historical = true;
  }
  std::optional<Version> body = historical ? records::knownAt(db, bodySpec(), bodyId, knownAt) : current(db, bodySpec(), bodyId);
  if (!body) {
    if (exists(db, bodySpec(), bodyId))
      throwNotFound("orgaan '" + bodyId + "' was op " + knownAt + " nog niet geregistreerd", recordField("orgaan", bodyId, "known_at"));
    throwNotFound("onbekend orgaan '" + bodyId + "'", recordField("orgaan", bodyId, "body"));
  }
  auto out = newObject();
  auto b = newObject();
  b->set("id", bodyId);
  b->set("name", textOf(body->data, "name").value_or(""));
  b->set("type", textOf(body->data, "type").value_or(""));
  b->set("cooperation", textOf(body->data, "cooperation").value_or(""));
  if (auto c = current(db, cooperationSpec(), textOf(body->data, "cooperation").value_or("")))
    b->set("cooperation_name", textOf(c->data, "name").value_or(""));
  b->set("from", textOf(body->data, "from").value_or(""));
  if (auto u = textOf(body->data, "until")) b->set("until", *u);
  out->set("body", b);
  out->set("as_of", asOf.iso());
  if (historical) out->set("known_at", knownAt);
  auto bodyFrom = dateOf(body->data, "from");
  auto bodyUntil = dateOf(body->data, "until");
  out->set("body_active", !((bodyFrom && asOf < *bodyFrom) || (bodyUntil && asOf > *bodyUntil)));

  auto& st = db.cached(kSql);
  st.bind(1, bodyId).bind(2, knownAt).bind(3, asOf.iso());
  auto seated = newArray();
  long long voting = 0, advisory = 0, majority = 0, opposition = 0;
  while (st.step()) {
    auto m = newObject();
    m->set("mandate", st.text(0));
    auto person = newObject();
    person->set("id", st.text(1));
    person->set("name", st.text(2));
    if (!st.isNull(19)) person->set("gender", st.text(19));
    if (st.integer(3)) person->set("fictitious", true);
    m->set("person", person);
    m->set("role", st.text(4));
    m->set("role_label", model::roles().label(st.text(4)));
    if (!st.isNull(5)) m->set("side", st.text(5));
    if (!st.isNull(6)) m->set("fractie", st.text(6));
    bool isVoting = st.integer(7) != 0;
    m->set("voting", isVoting);
    m->set("status", st.text(8));
    m->set("from", st.text(9));
    if (!st.isNull(10)) m->set("until", st.text(10));
    if (!st.isNull(11)) {
      auto member = newObject();
      member->set("id", st.text(11));
      member->set("name", st.text(12));
      if (!st.isNull(13)) member->set("nis", st.text(13));
      m->set("member", member);
    }
    if (!st.isNull(14)) m->set("seat", st.text(14));
    auto decision = newObject();
    if (!st.isNull(15)) decision->set("council", st.text(15));
    if (!st.isNull(16)) decision->set("date", st.text(16));
    if (!st.isNull(17)) decision->set("reference", st.text(17));
    if (!st.isNull(18)) decision->set("uri", st.text(18));
    if (decision->size()) m->set("decision", decision);
    seated->add(m);
    (isVoting ? voting : advisory)++;
    if (st.text(5) == "meerderheid") ++majority;
    if (st.text(5) == "oppositie") ++opposition;
  }
  out->set("mandates", seated);
  auto counts = newObject();
  counts->set("total", static_cast<long long>(seated->size()));
  counts->set("voting", voting);
  counts->set("advisory", advisory);
  counts->set("meerderheid", majority);
  counts->set("oppositie", opposition);
  out->set("counts", counts);
  return out;
}

}  // namespace igsgov::records
