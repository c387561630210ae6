#include "records/Entities.hpp"

#include "core/Error.hpp"

namespace igsgov::records {

using T = FieldType;

const EntitySpec& cooperationSpec() {
  static const EntitySpec s{"cooperation", "samenwerkingsverband",
                            {{"name", "name", T::text, true},
                             {"legal_form", "legal_form", T::text},  // absent: in oprichting (0012)
                             {"domain", "domain", T::text},
                             {"kbo", "kbo", T::text},
                             {"seat_nis", "seat_nis", T::text},
                             {"referentieregio", "referentieregio", T::text},
                             {"founded", "founded", T::date},
                             {"term_end", "term_end", T::date}}};
  return s;
}

const EntitySpec& memberSpec() {
  static const EntitySpec s{"member", "deelnemer",
                            {{"cooperation", "cooperation_id", T::text, true},
                             {"kind", "kind", T::text, true},
                             {"nis", "nis", T::text},
                             {"name", "name", T::text},
                             {"partner_kind", "partner_kind", T::text},
                             {"from", "valid_from", T::date, true},
                             {"until", "valid_until", T::date}}};
  return s;
}

const EntitySpec& bodySpec() {
  static const EntitySpec s{"body", "orgaan",
                            {{"cooperation", "cooperation_id", T::text, true},
                             {"type", "type", T::text, true},
                             {"name", "name", T::text},
                             {"from", "valid_from", T::date, true},
                             {"until", "valid_until", T::date}}};
  return s;
}

const EntitySpec& seatSpec() {
  static const EntitySpec s{"seat", "zetel",
                            {{"body", "body_id", T::text, true},
                             {"label", "label", T::text},
                             {"holders", "holders", T::integer},
                             {"member", "member_id", T::text}}};
  return s;
}

const EntitySpec& personSpec() {
  static const EntitySpec s{"person", "persoon",
                            {{"name", "name", T::text, true},
                             {"gender", "gender", T::text},
                             {"fictitious", "fictitious", T::boolean},
                             {"uri", "uri", T::text}}};
  return s;
}

const EntitySpec& mandateSpec() {
  static const EntitySpec s{"mandate", "mandaat",
                            {{"person", "person_id", T::text, true},
                             {"body", "body_id", T::text, true},
                             {"seat", "seat_id", T::text},
                             {"member", "member_id", T::text},
                             {"role", "role", T::text, true},
                             {"side", "side", T::text},
                             {"fractie", "fractie", T::text},
                             {"voting", "voting", T::boolean},
                             {"status", "status", T::text},
                             {"from", "valid_from", T::date, true},
                             {"until", "valid_until", T::date},
                             {"decision_council", "decision_council", T::text},
                             {"decision_date", "decision_date", T::date},
                             {"decision_ref", "decision_ref", T::text},
                             {"decision_uri", "decision_uri", T::text},
                             {"predecessor", "predecessor_id", T::text},
                             {"retracted", "retracted", T::boolean}},
                            /*keyTable=*/false};
  return s;
}

Version requireCurrent(store::Database& db, const EntitySpec& spec, const std::string& id, const Place& from) {
  if (auto v = current(db, spec, id)) return *v;
  Place p = from;
  throwNotFound("onbekend " + spec.kindNl + " '" + id + "'", p);
}

}  // namespace igsgov::records
