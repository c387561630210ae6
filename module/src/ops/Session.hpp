// Session: executes catalogue operations against one register file.
//
// Checks the caller's roles per cooperation against the operation's roles and
// the cooperations its input concerns (ops/Authorization.hpp), the input's shape
// against the operation's params (unknown fields, required fields, types),
// every text of the input and the caller's actor and reason against the text
// rules (core/TextRules.hpp: UTF-8, no NUL or control characters), then runs
// the operation: reads on one of the register's read-only
// connections in one read transaction, writes in one transaction with one
// journal entry (actor, operation, reason).
//
// Thread safety: a Session may be used from several threads; the Register it
// opens runs reads side by side and serialises writes. Ownership: the
// Session owns its Register.
#pragma once

#include "ops/Authorization.hpp"
#include "ops/Catalogue.hpp"

#include <memory>
#include <mutex>
#include <string>

namespace igsgov::ops {

class Session {
public:
  // create: make a new register at path (register.init) instead of opening one;
  // options: how to open it (the journal's signing key).
  Session(const std::string& path, bool create, const records::OpenOptions& options = {});
  ~Session();

  JsonObject execute(const std::string& operation, const JsonObject& input, const Caller& caller);
  // Renders an operation's output as Dutch text (its renderer, or a generic one).
  static std::string renderText(const std::string& operation, const JsonObject& output);

  records::Register& reg() { return *reg_; }

private:
  std::unique_ptr<records::Register> reg_;
  JsonObject initResult_;
};

// Checks an input object against an operation's params; throws Error(invalid).
void checkParams(const Operation& op, const JsonObject& input);
// Checks every string and key of the input, and the caller's actor and reason,
// against core/TextRules.hpp; throws Error(invalid) naming the field.
void checkInputText(const Operation& op, const JsonObject& input, const Caller& caller);

}  // namespace igsgov::ops
