// Who calls an operation, and what they may do: roles per cooperation.
//
// A Caller acts with grants (service/Grants.hpp): a role for one cooperation
// or for every cooperation ("*"). Local use (the CLI, a host through the C
// ABI) has no grants and acts with `role` for every cooperation; igsgovd fills
// the grants of the signed-in account or the API token.
//
// Session::execute is the one place that enforces them:
//   1. some grant's role must be among the operation's roles (else denied);
//   2. the operation's scope (ops/Scope.hpp) says which cooperations the
//      input concerns; for each, a grant with an allowed role for it or for
//      "*" is needed; for the whole register, a grant with an allowed role
//      for "*" (authorize(), denied otherwise, before anything is written);
//   3. a listing's output keeps only what some grant with an allowed role
//      covers (visibility()).
// Pages use mayRun() to offer only the forms the caller may send.
//
// Pure functions; thread-safe.
#pragma once

#include "ops/Catalogue.hpp"
#include "service/Grants.hpp"

#include <optional>
#include <string>
#include <vector>

namespace igsgov::ops {

// Every member has a default, so callers name only what they set ({.actor = ..., .role = ...}).
struct Caller {
  std::string actor = "onbekend";
  std::string role = "beheerder";  // local use (CLI, embedding host) acts as beheerder; used when grants is empty
  std::string reason{};
  std::vector<service::Grant> grants{};  // roles per cooperation; empty: `role` for every cooperation
  std::string account{};                 // the signed-in personal account ("" for tokens and local use)
};

// The grants the caller acts with.
std::vector<service::Grant> effectiveGrants(const Caller& caller);
// True when some grant's role may run the operation (somewhere).
bool mayRunAnywhere(const Operation& op, const Caller& caller);
// True when the caller may run the operation on data of `cooperation`;
// with cooperation "" on the whole register (a grant for "*").
bool mayRun(const Operation& op, const Caller& caller, const std::string& cooperation);
// The account an operation about one account acts on (calendar feeds,
// reminder settings): the caller's own when the input names none (or names
// it), else, when othersAllowed, the one named by a beheerder of the whole
// register. Error(invalid) for a caller without an account that names none,
// Error(denied) for anyone else naming another account.
std::string accountActedOn(const JsonObject& in, const Caller& caller, bool othersAllowed);
// The same by operation name (false for an unknown operation).
bool mayRun(const std::string& operation, const Caller& caller, const std::string& cooperation);
// Throws Error(denied) unless the caller may run the operation on what it concerns.
void authorize(const Operation& op, const Caller& caller, const Concerns& concerns);
// What a listing keeps for this caller; nothing when the caller sees every cooperation.
std::optional<Visible> visibility(const Operation& op, const Caller& caller);

}  // namespace igsgov::ops
