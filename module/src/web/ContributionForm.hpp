// ContributionForm: the verdeelsleutel editor of the contributions page as a
// plain HTML form (no script: the page's CSP forbids it), and its translation
// to and from the input of contribution.key.
//
// A key is a title and cost items (kostenposten). The form shows every item
// of the key plus one empty item to add, each as a fieldset p<i>_…: id, titel,
// soort (the five kinds of finance/AllocationKey.hpp), totaal, vast, tarief,
// betalers ("" = the default: all but partners; "gemeente", "ocmw",
// "gemeente,ocmw"), weg (remove the item), and one field per member
// p<i>_lid_<member id> whose meaning follows the kind: units (per_unit),
// weights (weights) or an amount in euro (fixed_amounts). Amounts are written
// as people write them ("100.000", "0,23"); the rules on them and on which
// field fits which kind are those of contribution.key (budget/Contributions,
// finance/AllocationKey), never repeated here: itemsJson() passes on what was
// typed and only reads whole numbers for units and weights (Error(invalid)
// naming the member's field).
//
// placeError() puts an Error of contribution.key next to the item and field it
// names ("kostenpost <id>", "veld 'total'" …), else at the top of the form.
// Pure functions over values; thread-safe.
#pragma once

#include "core/Error.hpp"
#include "core/Json.hpp"
#include "web/Forms.hpp"

#include <map>
#include <string>
#include <vector>

namespace igsgov::web {

struct KeyMember {
  std::string id;
  std::string name;
};

struct ItemForm {
  std::string id, title, kind, total, fixed, rate, payers;
  bool remove = false;
  std::map<std::string, std::string> perMember;  // member id → units, weight or amount as typed
  std::map<std::string, std::string> errors;     // form field (id, titel, soort, totaal, vast, tarief, betalers, leden) → message
};

struct KeyForm {
  std::string id, title, reason;
  std::vector<ItemForm> items;
  std::map<std::string, std::string> errors;  // "id", "titel", "" (the whole form) → message
};

// The form of a stored key (a contribution.list entry), plus one empty item.
KeyForm keyFormOf(const JsonObject& key);
// The form as posted.
KeyForm keyFormFrom(const FormFields& fields, const std::vector<KeyMember>& members);
// The "items" of contribution.key: every item not removed and not left empty.
JsonArray itemsJson(const KeyForm& form, const std::vector<KeyMember>& members);
void placeError(KeyForm& form, const Error& e);
// Template data of the editor (fields, kinds and payers with "selected", errors).
JsonObject editorData(const KeyForm& form, const std::vector<KeyMember>& members);

// "Per inwoner (totaal verdelen)" … for a kind's JSON name.
std::string kindLabel(const std::string& kind);

}  // namespace igsgov::web
