// The operation catalogue: every user action is one named operation with JSON
// in and JSON out. It is the single source for the C ABI (igsgov_execute), the
// CLI (command words and options are generated from it), the REST API and its
// OpenAPI document. Validation of the input's shape, authorisation (roles per
// cooperation: ops/Scope.hpp, ops/Authorization.hpp) and journaling happen
// once, in Session::execute, never per surface.
//
// The catalogue is an immutable table built on first use (thread-safe).
#pragma once

#include "core/Json.hpp"
#include "ops/Scope.hpp"
#include "records/Register.hpp"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace igsgov::ops {

enum class Access { read, write, create };  // create: makes a new register (register.init)

struct Param {
  std::string name;      // JSON field, snake_case; the CLI option is --name-with-dashes
  std::string type;      // string | path | date | timestamp | integer | boolean | object | array
                         // path: a file or folder on the machine running the library. Every
                         // parameter that names one has this type (tests/unit/ops checks it):
                         // only a local caller may give it (ops/ServerPaths.hpp)
  bool required = false;
  std::string help;      // Dutch
  std::string setting = {};  // path: the service setting that supplies it for a remote caller
                         // (kServerSettings in ops/ServerPaths.hpp); empty: never for remote callers.
                         // string: the service value igsgovd fills in when the caller leaves it
                         // out (kServiceValues, e.g. linked_data.base_uri)
  std::vector<std::string> values = {};  // the fixed set of values, when there is one (shown in help);
                         // path: names that are not paths (shipped templates), the only values a
                         // remote caller may give (ops/ServerPaths.hpp remoteInput)
};

struct Caller;  // ops/Authorization.hpp

using WriteFn = std::function<JsonObject(records::Writer&, const JsonObject&)>;
// A write that depends on who calls (account.own-password: the caller's own account).
using WriteAsFn = std::function<JsonObject(records::Writer&, const JsonObject&, const Caller&)>;
using ReadFn = std::function<JsonObject(store::Database&, const JsonObject&)>;
// A read that depends on who calls (reminder.list: the caller's own settings).
using ReadAsFn = std::function<JsonObject(store::Database&, const JsonObject&, const Caller&)>;
using TextFn = std::function<std::string(const JsonObject&)>;
// An operation that manages its own register writes (several journal entries, e.g. sync.run).
using RunFn = std::function<JsonObject(records::Register&, const JsonObject&, const records::WriteInfo&)>;

// Every member has a default (`{}` or a value), so the registrations name only
// the fields they set (designated initialisers) without -Wmissing-field-initializers.
struct Operation {
  std::string name{};                  // "mandate.appoint"
  std::string summary{};               // Dutch, one line
  Access access = Access::read;
  std::set<std::string> roles{};       // roles allowed to call it
  std::vector<Param> params{};
  bool openParams = false;             // accepts fields beyond params (entity fields, checked by the operation)
  std::vector<std::string> cli{};      // command words, e.g. {"mandate", "appoint"}
  std::vector<std::vector<std::string>> aliases{}; // e.g. {{"composition"}}
  std::string positional{};            // param filled by a positional CLI argument
  WriteFn write{};
  WriteAsFn writeAs{};                 // set instead of write when the caller matters
  ReadFn read{};
  ReadAsFn readAs{};                   // set instead of read when the caller matters
  TextFn text{};                       // Dutch text rendering of the output (optional)
  RunFn run{};                         // set instead of write: the operation opens its own writes
  bool exitCode = false;               // output carries "exit_code" for the CLI (docs/dev/rules.md)
  bool content = false;                // output may carry {"media_type", "content"}: a document REST answers
                                       // as itself with that media type (register.export as Turtle)
  // Reads nothing of the register (audit.pack-verify checks a file): the CLI
  // runs it without --db, on a throwaway register ("standalone" in describe()).
  bool standalone = false;
  // REST sends the output field `field` (base64) decoded as the response body
  // with this media type, instead of the JSON (audit.pack's ZIP). Empty: JSON.
  // The file is named fileStem-<cooperation>.extension when the output names a cooperation.
  // An output with "media_type" and "file_name" (export.*) names its own; otherMediaTypes
  // lists the media types it may give besides mediaType (for the OpenAPI document).
  struct Download {
    std::string field{};
    std::string mediaType{};
    std::string fileStem{};
    std::string extension{};
    std::vector<std::string> otherMediaTypes{};
  } download = {};
  // JSON Schema of the output (ops/ResultSchema.hpp builders), published in the
  // OpenAPI document and checked against every answer in the REST tests.
  // Required: Catalogue::add refuses an operation without one.
  JsonObject result{};
  ScopeFn scope{};                     // the cooperations the input concerns (ops/Scope.hpp);
                                       // none set: the whole register
  FilterFn filter{};                   // a listing: drops what a caller may not see
};

extern const std::set<std::string> kAllRoles;      // beheerder, directeur, secretariaat, auditor
extern const std::set<std::string> kWriterRoles;   // beheerder, directeur, secretariaat

class Catalogue {
public:
  // Throws Error(internal) for a duplicate name or an operation without a result schema.
  void add(Operation op);
  // The same, with the output's schema (Operation::result) given here.
  void add(Operation op, JsonObject result);
  // Sets the scope (and a listing's filter) of a registered operation.
  void setScope(const std::string& name, ScopeFn scope, FilterFn filter = {});
  const Operation* find(const std::string& name) const;
  const std::vector<Operation>& all() const { return ops_; }
  // The catalogue as JSON (names, summaries, params, roles, CLI words).
  JsonObject describe() const;

private:
  std::vector<Operation> ops_;
};

const Catalogue& catalogue();

// Registration functions, one per area (called once by catalogue()).
void addRegisterOperations(Catalogue& c);
void addRecordOperations(Catalogue& c);
void addAuditOperations(Catalogue& c);
void addAuditPackOperations(Catalogue& c);
void addGovernanceOperations(Catalogue& c);
void addFinanceOperations(Catalogue& c);
void addServiceOperations(Catalogue& c);
void addSyncOperations(Catalogue& c);
void addSparqlOperations(Catalogue& c);
void addRulesOperations(Catalogue& c);
void addDocumentOperations(Catalogue& c);
void addAccountOperations(Catalogue& c);
void addExportOperations(Catalogue& c);  // ExportOps.cpp: export.* (CSV, XLSX)
void addFoundingOperations(Catalogue& c);
void addReminderOperations(Catalogue& c);

}  // namespace igsgov::ops
