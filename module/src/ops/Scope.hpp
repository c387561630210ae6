// Scope: which cooperations an operation's input concerns, so that
// Session::execute can check the caller's roles per cooperation, and how a
// listing's output is cut down to what the caller may see.
//
// Every operation says it (Operation::scope, Operation::filter), derived from
// the records its input names: a member's, body's or document's cooperation,
// a mandate's body's cooperation, a version's document's cooperation, a
// contribution key's cooperation, a plan owner's cooperation(s), a person's
// mandates' cooperations. An operation without a scope function concerns the
// whole register (only a role for every cooperation may run it): a new
// operation is closed until it says otherwise (tests/unit/ops checks that
// every operation declares one).
//
//   Concerns::none          no cooperation's data (template.list, person.create):
//                           any role the operation allows may run it
//   Concerns::cooperations  these cooperations: a role for each of them (or for
//                           every cooperation) is needed
//   Concerns::wholeRegister the whole register (tokens, accounts, import, export,
//                           journal, sync): a role for every cooperation
//
// A record the input names that does not exist concerns nothing; the
// operation itself then answers "not found".
//
// Pure functions over a read transaction; thread-safe as the Database is.
#pragma once

#include "core/Json.hpp"
#include "store/Database.hpp"

#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace igsgov::ops {

struct Concerns {
  enum class Kind { none, cooperations, wholeRegister };
  Kind kind = Kind::wholeRegister;
  std::set<std::string> cooperations;  // Kind::cooperations

  static Concerns none() { return {Kind::none, {}}; }
  static Concerns wholeRegister() { return {Kind::wholeRegister, {}}; }
  static Concerns of(std::set<std::string> c) { return {Kind::cooperations, std::move(c)}; }
};

// May the caller see data of this cooperation (for listings)?
using Visible = std::function<bool(const std::string& cooperation)>;
using ScopeFn = std::function<Concerns(store::Database&, const JsonObject& input)>;
// Removes from a listing's output what the caller may not see.
using FilterFn = std::function<void(store::Database&, JsonObject output, const Visible&)>;

// What an input field names.
enum class Ref { cooperation, member, body, seat, mandate, person, document, version, contributionKey, planOwner, plan,
                 checkOff /* a founding check-off (founding/CheckOffs.hpp) */ };

// A scope from input fields: each field present adds the cooperation(s) of the
// record it names. When none of the fields is present: `otherwise`.
ScopeFn refs(std::vector<std::pair<std::string, Ref>> fields, Concerns otherwise = Concerns::wholeRegister());
// The cooperations of one record (empty when it does not exist).
std::set<std::string> cooperationsOf(store::Database& db, Ref ref, const std::string& id);

// A filter that keeps the elements of out[array] whose `field` is visible
// (elements without the field stay: they concern no cooperation).
FilterFn keepVisible(std::string array, std::string field);
// person.list: a person is visible when one of their mandates is in a visible
// cooperation, or when they hold no mandate at all (just registered).
FilterFn keepPersonsVisible();
// The same over several arrays in a row.
FilterFn keepVisibleAll(std::vector<std::pair<std::string, std::string>> arrayFields);

}  // namespace igsgov::ops
